import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import {
  consultationComments,
  consultationResponses,
  consultationSyntheses,
  consultations,
} from "../src/features/consultations/tables.js";
import { createAccount } from "../test/accounts.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, visit } from "./visit.js";

const { server, browser } = await startSuite();
const db = server.database.db;

/** Submits the form that holds `selector` by clicking it, waits for the next page, and runs axe on it. */
async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

/** A browser page signed in as a new account with these options (a session made in the database). */
async function signedIn(options: Parameters<typeof createAccount>[1]) {
  const account = await createAccount(server.database, options);
  const { token } = await createSession(db, account.id, {
    persistent: false,
    device: "e2e",
    secondFactor: Boolean(account.totpEnabledAt),
  });
  const context = await newContext(browser, { baseURL: server.origin });
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: server.origin, httpOnly: true, sameSite: "Lax" },
  ]);
  return { page: await context.newPage(), account };
}

describe("a consultation, in French, in the browser", () => {
  it("is created with 3 sections and a questionnaire, opened, answered by two citizens, closed, and its outcome published in ar, fr and en", async () => {
    // The structure admin creates the consultation.
    const admin = await signedIn({ roles: [{ structure: "mun-tn-11", role: "structure_admin" }] });
    const a = admin.page;
    await visit(a, "/fr/admin/consultations");
    await a.click('a[href="/fr/admin/consultations/new"]');
    await a.waitForURL(/\/new$/);
    await a.fill("#titleFr", "Projet d’arrêté sur les marchés municipaux");
    await a.fill("#summaryFr", "Horaires, emplacements et propreté des marchés de la commune : votre avis.");
    await a.selectOption("#theme", "local_governance");
    await a.check('input[name="area"][value="municipality"]');
    await a.fill("#municipality", "mun-tn-11");
    await a.check('input[name="participation"][value="signed_in"]');
    await a.fill("#opensAt", "2030-01-01");
    await a.fill("#closesAt", "2030-03-01");
    await submit(a, 'form[action$="/admin/consultations/new"] button[type="submit"]');
    expect(await a.textContent("main")).toContain("créée en brouillon");
    const id = /consultations\/([0-9a-f-]{36})\/sections/.exec(a.url())![1]!;

    // Its text, imported as three sections.
    await a.check('input[name="language"][value="fr"]');
    await a.fill(
      "#import-text",
      "# Article premier\nLes marchés ouvrent de 7 h à 14 h.\n\n# Article 2\nLes emplacements sont attribués par tirage au sort.\n\n# Article 3\nChaque commerçant nettoie son emplacement.",
    );
    await submit(a, 'form[action$="/sections/import"] button[type="submit"]');
    expect(await a.locator(".sh-sections__item").count()).toBe(3);

    // Its questionnaire: a single choice and a scale.
    await a.click(`a[href="/fr/admin/consultations/${id}/questionnaire"]`);
    await a.waitForURL(/\/questionnaire$/);
    await a.check('input[name="kind"][value="single"]');
    await a.fill("#promptFr", "Les horaires proposés vous conviennent-ils ?");
    await a.fill("#optionsFr", "Oui\nNon\nSans avis");
    await a.check('input[name="required"]');
    await submit(a, `form[action="/fr/admin/consultations/${id}/questionnaire"] button[type="submit"]`);
    await a.check('input[name="kind"][value="scale"]');
    await a.fill("#promptFr", "La propreté des marchés aujourd’hui ?");
    await submit(a, `form[action="/fr/admin/consultations/${id}/questionnaire"] button[type="submit"]`);
    expect(await a.textContent("main")).toContain("La propreté des marchés aujourd’hui ?");

    // Opened now.
    await visit(a, `/fr/admin/consultations/${id}`);
    await submit(a, 'form[action$="/open"] button[type="submit"]');
    expect(await a.textContent("main")).toContain("La consultation est ouverte");

    // Two citizens comment on sections and answer the questionnaire.
    const citizens = [
      {
        comment: "Ouvrir à 7 h est trop tard l’été : 6 h serait mieux.",
        alignment: "against",
        section: 0,
        option: "o2",
        scale: "2",
      },
      {
        comment: "Le tirage au sort est juste, je soutiens cet article.",
        alignment: "for",
        section: 1,
        option: "o1",
        scale: "3",
      },
    ];
    for (const c of citizens) {
      const { page } = await signedIn({});
      await visit(page, `/fr/consultations/${id}`);
      await submit(page, `.sh-sections__item >> nth=${c.section} >> a:has-text("Commenter cet article")`);
      await page.check(`input[name="alignment"][value="${c.alignment}"]`);
      await page.fill("#comment-body", c.comment);
      await submit(page, 'form[action$="/comments"] button[type="submit"]');
      expect(await page.textContent("main")).toContain("Votre commentaire est publié");
      expect(await page.textContent("main")).toContain(c.comment);

      await visit(page, `/fr/consultations/${id}/questionnaire`);
      await page.check(`input[type="radio"][value="${c.option}"]`);
      await page.check(`input[type="radio"][value="${c.scale}"]`);
      await submit(page, 'form[action$="/questionnaire"] button[type="submit"]');
      expect(await page.textContent("main")).toContain("Vos réponses sont enregistrées");
    }
    const [c] = await db.select().from(consultations).where(eq(consultations.id, id));
    expect(await db.$count(consultationComments, eq(consultationComments.consultationId, id))).toBe(2);
    expect(await db.$count(consultationResponses, eq(consultationResponses.consultationId, id))).toBe(2);

    // The admin sees the live results, closes it, then publishes the synthesis and the decision.
    await visit(a, `/fr/admin/consultations/${id}/results`);
    expect(await a.textContent("main")).toContain("2 personnes ont répondu");
    await visit(a, `/fr/admin/consultations/${id}`);
    await submit(a, 'form[action$="/close"] button[type="submit"]');
    await visit(a, `/fr/admin/consultations/${id}/outcome`);
    await a.fill(
      "#summaryFr",
      "Deux habitants ont participé : ils demandent une ouverture plus matinale et approuvent le tirage au sort.",
    );
    const decisions = ["changed", "kept", "kept"];
    for (const [i, decision] of decisions.entries()) {
      await a.locator(`input[type="radio"][value="${decision}"]`).nth(i).check();
      await a
        .locator('textarea[name^="reasonFr-"]')
        .nth(i)
        .fill(`Raison de la décision sur l’article ${i + 1}.`);
      if (i === 0)
        await a
          .locator('input[name^="link-"]')
          .nth(i)
          .fill("https://www.commune-tunis.gov.tn/arretes/marches");
      else
        await a
          .locator('textarea[name^="noLinkFr-"]')
          .nth(i)
          .fill("L’arrêté sera signé après le conseil municipal.");
    }
    await submit(a, 'button[name="action"][value="publish"]');
    expect(new URL(a.url()).pathname).toBe(`/fr/consultations/${id}`);
    const [synthesis] = await db
      .select()
      .from(consultationSyntheses)
      .where(eq(consultationSyntheses.consultationId, id));
    expect(synthesis?.publishedAt).toBeTruthy();
    expect(synthesis?.figures).toMatchObject({ participants: 2, contributions: 2 });
    expect(c?.visibility).toBe("published");

    // Anyone reads "what we did", in each language.
    const visitor = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: false })
    ).newPage();
    for (const [lang, heading, decision] of [
      ["ar", "ما فعلناه", "عُدّل"],
      ["fr", "Ce que nous avons fait", "Modifié"],
      ["en", "What we did", "Changed"],
    ]) {
      await visit(visitor, `/${lang}/consultations/${id}`);
      const main = (await visitor.textContent("main")) ?? "";
      expect(main).toContain(heading);
      expect(main).toContain(decision);
      expect(main).toContain("Raison de la décision sur l’article 1.");
      expect(
        await visitor.getAttribute('a[href="https://www.commune-tunis.gov.tn/arretes/marches"]', "href"),
      ).toBeTruthy();
    }
    await visit(visitor, `/fr/consultations/${id}/synthesis`);
    await visit(visitor, `/fr/consultations/${id}/questionnaire`);
    expect(await visitor.textContent("main")).toContain("Résultats du questionnaire");
  });
});
