import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import { accounts } from "../src/core/auth/tables.js";
import { budgetProposals } from "../src/features/budgets/tables.js";
import { makeBudget, setPhase } from "../src/features/budgets/testing.js";
import { createAccount } from "../test/accounts.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { expectFitsPhone, expectNoAxeViolations, SCREENSHOTS, visit } from "./visit.js";

const { server, browser } = await startSuite();
const db = server.database.db;

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

async function browse(
  javaScriptEnabled: boolean,
  options?: Parameters<typeof createAccount>[1] & { eid?: boolean },
) {
  const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled });
  if (options) {
    const account = await createAccount(server.database, options);
    if (options.eid)
      await db.update(accounts).set({ identityVerifiedAt: new Date() }).where(eq(accounts.id, account.id));
    const { token } = await createSession(db, account.id, {
      persistent: false,
      device: "e2e",
      secondFactor: Boolean(account.totpEnabledAt),
    });
    await context.addCookies([
      { name: SESSION_COOKIE, value: token, url: server.origin, httpOnly: true, sameSite: "Lax" },
    ]);
  }
  return context.newPage();
}

const receiptOn = async (page: Page) => (await page.textContent("#receipt code"))?.trim() ?? "";

describe.each([true, false])("participatory budget in French (JavaScript %s)", (js) => {
  it("residents propose, staff review, residents vote and change a ballot, results appear, winners go to accountability", async () => {
    const { budget, proposals } = await makeBudget(db, {
      structure: "mun-tn-11",
      phase: "proposals",
      proposals: [{ code: "P-001", district: "north", cost: 25_000, status: "submitted" }],
    });
    const base = `/fr/budgets/${budget.id}`;

    const resident = await browse(js, {});
    await visit(resident, "/fr/budgets");
    await visit(resident, base);
    await visit(resident, `${base}/propose`);
    await submit(resident, "form[action$='/propose'] button");
    expect(await resident.textContent("main")).toContain("Saisissez le titre de votre projet");
    await resident.fill("#title", "Un jardin partagé au nord");
    await resident.fill(
      "#description",
      "Un jardin partagé avec des bacs de culture, un point d’eau et des bancs ombragés.",
    );
    await resident.selectOption("#district", "north");
    await resident.fill("#cost", "12000");
    // A photo of the place, with what it shows (its text for people who cannot see it).
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#6a4" } })
      .jpeg()
      .toBuffer();
    await resident.setInputFiles("#photo1", { name: "terrain.jpg", mimeType: "image/jpeg", buffer: photo });
    await resident.fill("#photo1Alt", "Le terrain vague au nord");
    await submit(resident, "form[action$='/propose'] button");
    expect(await resident.textContent("h1")).toContain("Un jardin partagé au nord");
    expect(await resident.getAttribute('img[alt="Le terrain vague au nord"]', "width")).toBe("300");
    // The page the form leads to, with its photo, on a phone.
    await expectFitsPhone(resident, undefined, {
      screenshot: `${SCREENSHOTS}budget-proposal-fr-${js ? "on" : "off"}.png`,
    });
    await submit(resident, "form[action$='/support'] button");
    expect(await resident.textContent("main")).toContain("1 soutien");

    await setPhase(db, budget.id, "review");
    const [mine] = await db
      .select()
      .from(budgetProposals)
      .where(and(eq(budgetProposals.budgetId, budget.id), eq(budgetProposals.code, "P-002")));
    const staff = await browse(js, { roles: [{ structure: "mun-tn-11", role: "structure_admin" }] });
    await visit(staff, `/fr/admin/budgets/${budget.id}`);
    await staff.check("#P-001-decision-2");
    await submit(staff, `form[action$='/${proposals[0]!.id}/review'] button`);
    expect(await staff.textContent("main")).toContain("Donnez le motif public");
    await staff.check("#P-001-decision-2");
    await staff.fill("#P-001-reasonFr", "Le terrain est réservé à une école.");
    await submit(staff, `form[action$='/${proposals[0]!.id}/review'] button`);
    await staff.check("#P-002-decision");
    await submit(staff, `form[action$='/${mine!.id}/review'] button`);
    await visit(resident, `${base}/proposals/${proposals[0]!.id}`);
    expect(await resident.textContent("main")).toContain("Le terrain est réservé à une école.");

    await setPhase(db, budget.id, "voting");
    const verified = await browse(js, { eid: true });
    await visit(verified, `${base}/vote`);
    await verified.check(`input[value="${mine!.id}"]`);
    await submit(verified, "button[value='check']");
    expect(await verified.textContent("main")).toContain("Reste : 28");
    await submit(verified, "button[value='cast']");
    const receipt = await receiptOn(verified);
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    await visit(staff, `/fr/admin/budgets/${budget.id}`);
    await submit(staff, "form[action$='/codes'] button");
    const code = (await staff.textContent("#voting-code code"))?.trim() ?? "";
    const counter = await browse(js);
    await visit(counter, `${base}/vote`);
    await counter.check(`input[value="${mine!.id}"]`);
    await counter.fill("#code", code);
    await submit(counter, "button[value='cast']");
    expect(await receiptOn(counter)).not.toBe("");

    await visit(verified, `${base}/vote/change`);
    await verified.fill("#receipt", receipt);
    await submit(verified, "form[action$='/vote/change'] button");
    await verified.uncheck(`input[value="${mine!.id}"]`);
    await submit(verified, "button[value='cast']");
    expect(await verified.textContent("main")).toContain("Choisissez au moins un projet");
    await verified.check(`input[value="${mine!.id}"]`);
    await submit(verified, "button[value='cast']");
    expect(await verified.textContent("h1")).toContain("Votre bulletin est modifié");

    await setPhase(db, budget.id, "results");
    await visit(resident, base);
    const main = await resident.textContent("main");
    expect(main).toContain("2 bulletins déposés.");
    expect(main).toContain("Retenu");
    await visit(staff, `/fr/admin/budgets/${budget.id}`);
    await submit(staff, "form[action$='/publish-winners'] button");
    expect(await staff.textContent("main")).toContain("Les projets retenus sont publiés dans les Résultats.");
    await visit(resident, "/fr/accountability");
    expect(await resident.textContent("main")).toContain("Un jardin partagé au nord");
    await resident.context().close();
    await staff.context().close();
    await verified.context().close();
    await counter.context().close();
  });
});

describe.each([true, false])("staff create and edit a budget in Arabic (JavaScript %s)", (js) => {
  it("shows translated errors, adds a district row, creates, then refuses a new amount once voting opened", async () => {
    const staff = await browse(js, { roles: [{ structure: "mun-tn-11", role: "structure_admin" }] });
    await visit(staff, "/ar/admin/budgets");
    await visit(staff, "/ar/admin/budgets/new");
    await submit(staff, "button[value='save']");
    const errors = await staff.textContent("main");
    expect(errors).toContain("أدخل رمزًا من 3 إلى 60 حرفًا");
    expect(errors).toContain("أدخل المبلغ بالدينار");
    const code = `mun-e2e-${js ? "js" : "nojs"}`;
    await staff.fill("#code", code);
    await staff.selectOption("#structureId", { index: 1 });
    await staff.fill("#titleAr", "الميزانية التشاركية للتجربة");
    await staff.fill("#amount", "50000");
    await staff.fill("#d0Code", "north");
    await staff.fill("#d0NameAr", "الشمال");
    await staff.fill("#d0Share", "20000");
    await submit(staff, "button[value='addRow']");
    expect(await staff.inputValue("#d0Share")).toBe("20000");
    await staff.fill("#d2Code", "south");
    await staff.fill("#d2NameAr", "الجنوب");
    await staff.fill("#d2Share", "20000");
    const days = ["2030-01-01", "2030-02-01", "2030-03-01", "2030-04-01", "2030-05-01"];
    for (const [i, f] of [
      "proposalsFrom",
      "reviewFrom",
      "votingFrom",
      "resultsFrom",
      "implementationFrom",
    ].entries())
      await staff.fill(`#${f}`, days[i]!);
    await staff.check("#rule");
    await submit(staff, "button[value='save']");
    expect(await staff.textContent("main")).toContain("تمّ إحداث الميزانية");
    const id = new URL(staff.url()).pathname.split("/").at(-1)!;
    await setPhase(db, id, "voting");
    await visit(staff, `/ar/admin/budgets/${id}/edit`);
    expect(await staff.textContent("main")).toContain("فُتح التصويت");
    await staff.fill("#amount", "60000");
    await submit(staff, "button[value='save']");
    expect(await staff.textContent("main")).toContain("لا يمكن تغيير هذا بعد فتح التصويت");
    await staff.context().close();
  });
});
