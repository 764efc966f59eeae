import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { accounts } from "../../core/auth/tables.js";
import { structures } from "../../core/structures/tables.js";
import { budgetDistricts, budgets } from "./tables.js";
import { makeBudget } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const admin = (
  await signedInAgent(app, database, { roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }] })
).agent;
const [home] = await db.select().from(structures).where(eq(structures.code, HOME_STRUCTURE));

const valid = (code: string) => ({
  code,
  structureId: home!.id,
  titleAr: "الميزانية التشاركية 2027",
  titleFr: "Budget participatif 2027",
  titleEn: "Participatory budget 2027",
  descriptionFr: "Les habitants choisissent.",
  amount: "250 000",
  rows: "3",
  d0Code: "nord",
  d0NameFr: "Nord",
  d0NameAr: "الشمال",
  d0Share: "100000",
  d1Code: "sud",
  d1NameFr: "Sud",
  d1Share: "80000,500",
  proposalsFrom: "2030-01-10",
  reviewFrom: "2030-02-10",
  votingFrom: "2030-03-10",
  resultsFrom: "2030-04-10",
  implementationFrom: "2030-05-10",
  rule: "knapsack",
  minShare: "50",
  voteMethods: ["eid", "paper_code"],
});

const stored = (code: string) => db.select().from(budgets).where(eq(budgets.code, code));

describe("creating a budget", () => {
  it("refuses a wrong form with translated errors per field, and stores nothing", async () => {
    const page = await admin.get("/fr/admin/budgets/new");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Créer un budget participatif");
    expect(page.body).toContain('name="d1Share"');
    const bad = await admin.post("/fr/admin/budgets/new", {
      ...valid("mun-bad-2030"),
      titleFr: "x".repeat(301),
      amount: "beaucoup",
      d1Share: "-3",
      reviewFrom: "2030-01-05",
      resultsFrom: "2030-02-30",
      rule: "pick_n",
      pickN: "0",
      voteMethods: [],
    });
    expect(bad.statusCode).toBe(422);
    for (const message of [
      "Le titre doit compter au plus 300 caractères",
      "Saisissez le montant en dinars",
      "Saisissez la part de l’arrondissement en dinars",
      "Cette phase ne peut pas commencer avant la précédente",
      "Saisissez une date qui existe, écrite AAAA-MM-JJ",
      "Saisissez un nombre entier de projets de 1 à 1000",
      "Choisissez au moins une façon de voter",
    ])
      expect(bad.body).toContain(message);
    expect(bad.body).toContain('value="Nord"');
    expect(await stored("mun-bad-2030")).toEqual([]);

    const over = await admin.post("/fr/admin/budgets/new", { ...valid("mun-over-2030"), amount: "150000" });
    expect(over.statusCode).toBe(422);
    expect(over.body).toContain("Les parts des arrondissements dépassent le montant");
    const shortVote = await admin.post("/en/admin/budgets/new", {
      ...valid("mun-short-2030"),
      resultsFrom: "2030-03-10",
    });
    expect(shortVote.body).toContain("Voting must last at least one day");
    expect(await stored("mun-over-2030")).toEqual([]);
  });

  it("adds a district row without JavaScript, then creates the budget, audited", async () => {
    const more = await admin.post("/en/admin/budgets/new", { ...valid("mun-new-2030"), action: "addRow" });
    expect(more.statusCode).toBe(200);
    expect(more.body).toContain('name="d3Code"');
    expect(more.body).not.toContain('name="d4Code"');
    expect(await stored("mun-new-2030")).toEqual([]);
    const done = await admin.post("/en/admin/budgets/new", {
      ...valid("mun-new-2030"),
      rows: "4",
      d3Code: "west",
      d3NameEn: "West",
      d3Share: "1000",
      action: "save",
    });
    expect(done.statusCode).toBe(303);
    const [budget] = await stored("mun-new-2030");
    expect(budget).toMatchObject({
      amountMillimes: 250_000_000,
      minSharePercent: 50,
      rule: "knapsack",
      voteByEid: true,
      voteByPaperCode: true,
    });
    // Phases start at midnight in Tunis (UTC+1).
    expect(budget!.votingFrom.toISOString()).toBe("2030-03-09T23:00:00.000Z");
    const districts = await db.select().from(budgetDistricts).where(eq(budgetDistricts.budgetId, budget!.id));
    expect(districts.map((d) => [d.code, d.shareMillimes]).sort()).toEqual([
      ["nord", 100_000_000],
      ["sud", 80_000_500],
      ["west", 1_000_000],
    ]);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "budgets.created"), eq(auditEvents.subjectId, budget!.id)));
    expect(events).toHaveLength(1);
    const shown = await admin.get(`/en/admin/budgets/${budget!.id}`);
    expect(shown.body).toContain(`/en/admin/budgets/${budget!.id}/edit`);
    const taken = await admin.post("/en/admin/budgets/new", valid("mun-new-2030"));
    expect(taken.body).toContain("Another budget already has this code");
  });

  it("refuses agents and staff of another structure", async () => {
    const agent = (
      await signedInAgent(app, database, { roles: [{ structure: HOME_STRUCTURE, role: "agent" }] })
    ).agent;
    expect((await agent.post("/en/admin/budgets/new", valid("mun-agent-2030"))).statusCode).toBe(403);
    const other = (
      await signedInAgent(app, database, { roles: [{ structure: "gov-tn-12", role: "structure_admin" }] })
    ).agent;
    const wrong = await other.post("/en/admin/budgets/new", valid("mun-other-2030"));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("Choose a structure from the list");
    expect(await stored("mun-other-2030")).toEqual([]);
  });
});

describe("editing a budget", () => {
  it("edits everything before voting, and removes an emptied district", async () => {
    const { budget } = await makeBudget(db, { structure: HOME_STRUCTURE, phase: "proposals" });
    const form = await admin.get(`/en/admin/budgets/${budget.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="100000"');
    expect(form.body).not.toContain("Voting has opened");
    const body = Object.fromEntries(
      [...form.body.matchAll(/name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const saved = await admin.post(`/en/admin/budgets/${budget.id}/edit`, {
      ...body,
      amount: "120000",
      d1Code: "",
      d1NameAr: "",
      d1NameFr: "",
      d1NameEn: "",
      d1Share: "",
      rule: "pick_n",
      pickN: "3",
      voteMethods: "paper_code",
    });
    expect(saved.statusCode).toBe(303);
    const [after] = await stored(budget.code);
    expect([after!.amountMillimes, after!.rule, after!.pickN, after!.voteByEid]).toEqual([
      120_000_000,
      "pick_n",
      3,
      false,
    ]);
    // The day left as it was keeps its stored moment.
    expect(after!.votingFrom).toEqual(budget.votingFrom);
    const districts = await db.select().from(budgetDistricts).where(eq(budgetDistricts.budgetId, budget.id));
    expect(districts.map((d) => d.code)).toEqual(["north"]);
  });

  it("refuses to change the amount or the rules once voting has opened, and says why", async () => {
    const { budget } = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "voting",
      proposals: [{ code: "P-001", district: "south", cost: 1000 }],
    });
    const form = await admin.get(`/fr/admin/budgets/${budget.id}/edit`);
    expect(form.body).toContain("Le vote est ouvert : le montant, les arrondissements");
    const body = Object.fromEntries(
      [...form.body.matchAll(/name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    body.voteMethods = "eid";
    body.rule = "knapsack";
    const refused = await admin.post(`/fr/admin/budgets/${budget.id}/edit`, { ...body, amount: "200000" });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("Ceci ne peut plus changer une fois le vote ouvert");
    expect((await stored(budget.code))[0]!.amountMillimes).toBe(100_000_000);
    const renamed = await admin.post(`/fr/admin/budgets/${budget.id}/edit`, {
      ...body,
      voteMethods: ["eid", "paper_code"],
      titleFr: "Budget participatif renommé",
    });
    expect(renamed.statusCode).toBe(303);
    expect((await stored(budget.code))[0]!.title.fr).toBe("Budget participatif renommé");
  });

  it("keeps a district that has proposals", async () => {
    const { budget } = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "proposals",
      proposals: [{ code: "P-001", district: "south", cost: 1000 }],
    });
    const form = await admin.get(`/en/admin/budgets/${budget.id}/edit`);
    const body = Object.fromEntries(
      [...form.body.matchAll(/name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const refused = await admin.post(`/en/admin/budgets/${budget.id}/edit`, {
      ...body,
      rule: "knapsack",
      voteMethods: ["eid", "paper_code"],
      d1Code: "",
      d1NameAr: "",
      d1NameFr: "",
      d1NameEn: "",
      d1Share: "",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("A district that has proposals cannot be removed");
  });
});

describe("who may vote", () => {
  it("refuses e-ID voters and paper codes where the budget does not take them", async () => {
    const { budget, proposals } = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "voting",
      proposals: [{ code: "P-001", district: "north", cost: 1000 }],
    });
    await db.update(budgets).set({ voteByEid: false }).where(eq(budgets.id, budget.id));
    const { agent, account } = await signedInAgent(app, database);
    await db.update(accounts).set({ identityVerifiedAt: new Date() }).where(eq(accounts.id, account.id));
    const asked = await agent.post(`/en/budgets/${budget.id}/vote`, {
      proposal: proposals[0]!.id,
      action: "cast",
    });
    expect(asked.statusCode).toBe(422);
    expect(asked.body).toContain("Enter your voting code");
    await db
      .update(budgets)
      .set({ voteByEid: true, voteByPaperCode: false })
      .where(eq(budgets.id, budget.id));
    const page = await admin.get(`/en/admin/budgets/${budget.id}`);
    expect(page.body).not.toContain("/codes");
    const code = await admin.post(`/en/admin/budgets/${budget.id}/codes`, { issue: "1" });
    expect(code.statusCode).toBe(303);
    expect((await admin.get(code.headers.location as string)).body).toContain(
      "This budget takes no paper codes",
    );
    const paper = await agent.post(`/en/budgets/${budget.id}/vote`, {
      proposal: proposals[0]!.id,
      action: "cast",
      code: "7KQ2-M9XD-3HTA-PW4E",
    });
    expect(paper.statusCode).toBe(422);
    expect(paper.body).toContain("This budget takes votes only from residents verified");
  });
});
