import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import { findStructureByCode } from "../src/features/structures/queries.js";
import { structureCategories } from "../src/features/structures/tables.js";
import { createAccount } from "../test/accounts.js";
import { mailsTo } from "../test/mail.js";
import { newContext } from "./browser.js";
import { signedInContext } from "./sign-in.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, visit } from "./visit.js";

const { server, browser } = await startSuite();
const { database } = server;

/** Submits the form that holds `selector` by clicking it, waits for the next page, and runs axe on it. */
async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

const text = async (page: Page) => (await page.textContent("main")) ?? "";

/** "EC-2026-000123" as a person typing on an Arabic keyboard would: Arabic-Indic digits, no prefix. */
const arabicIndic = (reference: string) =>
  reference.replace(/^EC-/, "").replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);

/** A one-page PDF, as an agent's scanner would make it. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

it("a day at the municipality, in French: a rule routes a complaint to an agent, who finds it by its Arabic-Indic reference and answers with a PDF; the citizen appeals, the head decides, and the citizen sees the whole path", async () => {
  const tunis = (await findStructureByCode(database.db, "mun-tn-11"))!;
  const [roads] = await database.db
    .insert(structureCategories)
    .values({
      structureId: tunis.id,
      code: "voirie",
      name: { ar: "الطرقات", fr: "Voirie", en: "Roads" },
    })
    .returning();
  const agentEmail = `sonia.agent.${Date.now()}@tunis.example.tn`;
  const sonia = await createAccount(database, {
    email: agentEmail,
    displayName: "Sonia Ben Salah",
    roles: [{ structure: "mun-tn-11", role: "agent" }],
  });
  // Another agent, so that the request reaching Sonia is the rule's doing, not the only choice.
  await createAccount(database, { roles: [{ structure: "mun-tn-11", role: "agent" }] });

  // The head of the municipality's requests sets a rule: roads in Tunis go straight to Sonia.
  const { context: headContext, account: headAccount } = await signedInContext(browser, server, {
    roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
  });
  const head = await headContext.newPage();
  await visit(head, "/fr/staff/routing");
  await head.selectOption("#category", roads!.id);
  await head.selectOption("#governorate", "TN-11");
  await head.selectOption("#structure", tunis.id);
  await head.selectOption("#assignment", "agent");
  await head.selectOption("#agent", sonia.id);
  await submit(head, 'form[action="/fr/staff/routing"] button[type="submit"]');
  expect(await text(head)).toContain("Voirie");

  // A citizen, signed in, files a complaint of that category in Tunis.
  const citizen = await (await signedInContext(browser, server, {})).context.newPage();
  await visit(citizen, "/fr/requests/new?type=complaint&structure=mun-tn-11");
  await citizen.selectOption("#category", roads!.id);
  await citizen.fill("#subject", "Nid-de-poule dangereux rue de Marseille");
  await citizen.fill(
    "#description",
    "Un trou profond s'est formé devant le numéro 14 de la rue de Marseille ; deux scooters y sont déjà tombés cette semaine.",
  );
  await citizen.selectOption("#governorate", "TN-11");
  await submit(citizen, 'form[enctype="multipart/form-data"] button[type="submit"]');
  const reference = (await text(citizen)).match(/EC-\d{4}-\d{6}/)?.[0];
  expect(reference).toBeDefined();
  const followPath = new URL(citizen.url()).pathname;

  // The rule assigned it to Sonia, who got a mail naming it.
  const [mail] = await mailsTo(database, agentEmail);
  expect(mail?.textBody ?? "").toContain(reference!);
  const [row] = await database.query<{ id: string; assignee_id: string }>(
    "select id, assignee_id from cases where reference = $1",
    [reference],
  );
  expect(row?.assignee_id).toBe(sonia.id);

  // Sonia finds it in her queue by typing the reference in Arabic-Indic digits, without its prefix.
  const { token } = await createSession(database.db, sonia.id, {
    persistent: false,
    device: "e2e",
    secondFactor: true,
  });
  const soniaContext = await newContext(browser, { baseURL: server.origin });
  await soniaContext.addCookies([
    { name: SESSION_COOKIE, value: token, url: server.origin, httpOnly: true, sameSite: "Lax" },
  ]);
  const soniaPage = await soniaContext.newPage();
  await visit(soniaPage, "/fr/staff/requests");
  await soniaPage.fill("#q", arabicIndic(reference!));
  await submit(soniaPage, '#q >> xpath=ancestor::form//button[@type="submit"]');
  expect(await text(soniaPage)).toContain("Nid-de-poule dangereux rue de Marseille");
  await submit(soniaPage, `a:has-text("${reference}")`);
  expect(new URL(soniaPage.url()).pathname).toBe(`/fr/staff/requests/${row!.id}`);
  expect(await text(soniaPage)).toContain("règle d'orientation");

  // She answers with the works order attached as a PDF.
  const answer = "L'équipe de voirie a rebouché le trou jeudi matin ; le bon de travaux est joint.";
  await soniaPage.fill("#reply-body", answer);
  await soniaPage.setInputFiles("#reply-attachments", {
    name: "bon-de-travaux.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await submit(soniaPage, 'form[action*="/reply"] button[type="submit"]');

  // The citizen reads the answer, downloads the PDF, and, unconvinced, appeals.
  await visit(citizen, followPath);
  expect(await text(citizen)).toContain(answer);
  const pdfHref = await citizen.getAttribute(`a[href*="/files/"]`, "href");
  const download = await citizen.request.get(pdfHref!);
  expect(download.status()).toBe(200);
  expect(Buffer.compare(await download.body(), PDF)).toBe(0);
  await citizen.fill("#reason", "Le trou a été mal rebouché : il s'est rouvert dès la pluie de samedi.");
  await submit(citizen, 'form[action$="/reopen"] button[type="submit"]');

  // The citizen sees where the appeal is; the head is told by mail.
  const appealed = await text(citizen);
  expect(appealed).toContain("Votre recours (niveau 1) est en cours d’examen");
  expect(appealed).toContain("Auprès de : Municipalité de Tunis");
  expect((await mailsTo(database, headAccount.email!)).map((m) => m.textBody).join("\n")).toContain(
    reference!,
  );

  // The head finds it under "appeals", decides, and the citizen sees every step.
  await visit(head, "/fr/staff/requests?appeals=1");
  expect(await text(head)).toContain("Nid-de-poule dangereux rue de Marseille");
  await visit(head, `/fr/staff/requests/${row!.id}`);
  await head.click("details#close > summary");
  await head.check('input[name="outcome"][value="answered"]');
  const decision = "Une entreprise reprendra la chaussée sur dix mètres avant le 15 ; vous serez prévenu.";
  await head.fill("#close-message", decision);
  await submit(head, 'form[action*="/close"] button[type="submit"]');

  await visit(citizen, followPath);
  const path = await text(citizen);
  for (const step of [answer, "Pièce jointe 1 (PDF)", "Le trou a été mal rebouché", decision]) {
    expect(path).toContain(step);
  }
});
