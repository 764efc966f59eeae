import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import { createTestConsultation } from "../src/features/consultations/testing.js";
import { recomputeStaleMaps } from "../src/features/opinion-map/commands/recompute.js";
import { markStale } from "../src/features/opinion-map/commands/statements.js";
import { opinionStatements, opinionVotes } from "../src/features/opinion-map/tables.js";
import { createAccount } from "../test/accounts.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, visit } from "./visit.js";

const { server, browser } = await startSuite();
const db = server.database.db;

/** Clicks a submit button, waits for the next page, and runs axe on it. */
async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

const STATEMENTS = [
  "Les bus devraient rouler après 22 h",
  "Il faut plus de pistes cyclables",
  "La rue du marché devrait être piétonne",
  "Il faut des bancs à l’ombre dans chaque jardin",
  "Le stationnement au centre devrait rester gratuit",
  "Les voitures doivent garder la priorité sur la corniche",
  "Il faut élargir l’avenue principale",
  "Le parking central doit rester tel quel",
];
/** Statements 0–3 divide people from statements 4–7: one camp agrees with the first, the other with the last. */
const camp = (first: boolean, j: number) => (j < 4 === first ? 1 : -1);

describe("the opinion map, in French, with JavaScript off", () => {
  it("takes a citizen's votes one statement at a time, and shows the map and the groups once the job has run", async () => {
    const { consultation } = await createTestConsultation(db, { phase: "open", structure: "mun-tn-11" });
    const statements = await db
      .insert(opinionStatements)
      .values(
        STATEMENTS.map((fr, j) => ({
          consultationId: consultation.id,
          body: { fr },
          seeded: true,
          status: "approved" as const,
          createdAt: new Date(Date.now() - (10 - j) * 60_000),
        })),
      )
      .returning();
    // Twelve people have voted already, in two camps.
    for (let v = 0; v < 12; v++) {
      const voter = await createAccount(server.database, {});
      await db.insert(opinionVotes).values(
        statements.map((s, j) => ({
          statementId: s.id,
          accountId: voter.id,
          consultationId: consultation.id,
          vote: camp(v < 6, j),
        })),
      );
    }
    await markStale(db, consultation.id);
    await recomputeStaleMaps(db, new Date());

    const account = await createAccount(server.database, {});
    const { token } = await createSession(db, account.id, {
      persistent: false,
      device: "e2e",
      secondFactor: false,
    });
    const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled: false });
    await context.addCookies([
      { name: SESSION_COOKIE, value: token, url: server.origin, httpOnly: true, sameSite: "Lax" },
    ]);
    const page = await context.newPage();

    await visit(page, `/fr/consultations/${consultation.id}`);
    await page.click(`a[href="/fr/consultations/${consultation.id}/opinion-map"]`);
    await page.waitForURL(/opinion-map$/);
    await expectNoAxeViolations(page);
    expect(await page.locator("svg.sh-opinion-map__svg").count()).toBe(1);

    // The citizen votes with the first camp, one small form per statement.
    for (let k = 0; k < STATEMENTS.length; k++) {
      const text = (await page.textContent(".sh-opinion-map__statement"))?.trim() ?? "";
      const j = STATEMENTS.indexOf(text);
      expect(j).toBeGreaterThanOrEqual(0);
      await submit(page, `.sh-opinion-map__vote button[value="${camp(true, j) > 0 ? "agree" : "disagree"}"]`);
      expect(await page.textContent("main")).toContain("Votre vote est enregistré.");
    }
    expect(await page.textContent("main")).toContain("Vous avez voté sur les 8 propositions");
    expect(await page.textContent("main")).toContain(
      "Vous apparaîtrez sur la carte à sa prochaine mise à jour.",
    );

    // The job runs (as its cron would); the map now counts the citizen.
    expect(await recomputeStaleMaps(db, new Date())).toBe(1);
    await visit(page, `/fr/consultations/${consultation.id}/opinion-map`);
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("13 personnes ont voté");
    expect(main).toContain("en 2 groupes");
    expect(await page.locator(".sh-opinion-map__hull").count()).toBe(2);
    expect(await page.locator("#opinion-map-groups tbody tr").count()).toBe(2);
    expect(main).toMatch(/Vous êtes dans le groupe [AB]/);
    expect(main).toContain("Groupe A (");
    expect(main).toContain("Groupe B (");
    // The same page in Arabic (right to left) and English passes axe too.
    await visit(page, `/ar/consultations/${consultation.id}/opinion-map`);
    expect(await page.textContent("main")).toContain("المجموعة A");
    await visit(page, `/en/consultations/${consultation.id}/opinion-map`);
    expect(await page.textContent("main")).toContain("Group A");
    await context.close();

    // The structure admin's page: statements to moderate, the form to add one, and the map.
    const admin = await createAccount(server.database, {
      roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
    });
    const session = await createSession(db, admin.id, {
      persistent: false,
      device: "e2e",
      secondFactor: Boolean(admin.totpEnabledAt),
    });
    const adminContext = await newContext(browser, { baseURL: server.origin, javaScriptEnabled: false });
    await adminContext.addCookies([
      { name: SESSION_COOKIE, value: session.token, url: server.origin, httpOnly: true, sameSite: "Lax" },
    ]);
    const adminPage = await adminContext.newPage();
    await visit(adminPage, `/fr/admin/consultations/${consultation.id}/opinion-map`);
    await adminPage.fill("#seed-fr", "Il faut des fontaines dans chaque parc");
    await submit(adminPage, 'form[action$="/opinion-map/statements"] button[type="submit"]');
    expect(await adminPage.textContent("main")).toContain("La proposition est ajoutée.");
    await adminContext.close();
  });
});
