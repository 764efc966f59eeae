import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { accounts } from "../../core/auth/tables.js";
import { rowsOf } from "../../db/client.js";
import { results } from "../accountability/tables.js";
import { mixBallots } from "./ballot-box.js";
import { computeResults, findBudget } from "./queries.js";
import {
  budgetBallotBox,
  budgetBallotItems,
  budgetBallots,
  budgetEligibility,
  budgetProposalSupports,
  budgetProposals,
} from "./tables.js";
import { tally } from "./tally.js";
import { makeBudget, setPhase } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const admin = (
  await signedInAgent(app, database, { roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }] })
).agent;
const counterAgent = (
  await signedInAgent(app, database, { roles: [{ structure: HOME_STRUCTURE, role: "agent" }] })
).agent;

async function verifiedResident() {
  const { agent, account } = await signedInAgent(app, database);
  await db.update(accounts).set({ identityVerifiedAt: new Date() }).where(eq(accounts.id, account.id));
  return agent;
}

const receiptOf = (body: string) => /<code>([0-9A-Z-]{19})<\/code>/.exec(body)?.[1];
const countRows = async () => {
  const [r] = rowsOf<{ b: number; i: number; e: number }>(
    await db.execute(
      sql`select (select count(*) from budget_ballots)::int + (select count(*) from budget_ballot_box)::int as b,
        (select count(*) from budget_ballot_items)::int + (select count(*) from budget_ballot_box_items)::int as i,
        (select count(*) from budget_eligibility)::int as e`,
    ),
  );
  return r!;
};

describe("proposals", () => {
  it("lists budgets and shows a budget with its amount, phase and accepted proposals", async () => {
    const { budget } = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "proposals",
      proposals: [{ code: "P-001", cost: 12_500 }],
    });
    const list = await new Agent(app).get("/fr/budgets");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Budget participatif d’essai");
    const page = await new Agent(app).get(`/fr/budgets/${budget.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("100 000 DT".replace(" ", "\u202f"));
    expect(page.body).toContain("Projet P-001");
    expect(page.body).toContain("Proposer un projet");
  });

  it("lets a signed-in resident propose, with translated errors first and nothing stored", async () => {
    const { budget } = await makeBudget(db, { structure: HOME_STRUCTURE, phase: "proposals" });
    const { agent } = await signedInAgent(app, database);
    expect((await agent.get(`/fr/budgets/${budget.id}/propose`)).statusCode).toBe(200);
    const bad = await agent.post(`/fr/budgets/${budget.id}/propose`, {
      title: "Banc",
      description: "",
      district: "east",
      cost: "deux mille",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("Le titre doit compter au moins 8 caractères");
    expect(bad.body).toContain("Décrivez votre projet");
    expect(bad.body).toContain("Choisissez un arrondissement dans la liste");
    expect(bad.body).toContain("Saisissez le coût en dinars");
    expect(bad.body).toContain('value="Banc"');
    const over = await agent.post(`/fr/budgets/${budget.id}/propose`, {
      title: "Un grand parc au nord",
      description: "Un parc avec des arbres, des bancs et une aire de jeux pour les enfants du quartier.",
      district: "north",
      cost: "40000,001",
    });
    expect(over.statusCode).toBe(422);
    expect(over.body).toContain("Le coût dépasse le montant de l’arrondissement");
    expect(await db.select().from(budgetProposals).where(eq(budgetProposals.budgetId, budget.id))).toEqual(
      [],
    );
    const ok = await agent.post(`/fr/budgets/${budget.id}/propose`, {
      title: "Un grand parc au nord",
      description: "Un parc avec des arbres, des bancs et une aire de jeux pour les enfants du quartier.",
      place: "Rue de Marseille",
      district: "north",
      cost: "39 500,250",
    });
    expect(ok.statusCode).toBe(303);
    const [row] = await db.select().from(budgetProposals).where(eq(budgetProposals.budgetId, budget.id));
    expect(row).toMatchObject({
      code: "P-001",
      costMillimes: 39_500_250,
      status: "submitted",
      title: { fr: "Un grand parc au nord" },
    });
    expect(ok.headers.location).toBe(`/fr/budgets/${budget.id}/proposals/${row!.id}`);
    const page = await agent.get(ok.headers.location as string);
    expect(page.body).toContain("Un grand parc au nord");
    expect(page.body).toContain("En cours d’examen");
    expect(page.body).toContain("Rue de Marseille");
  });

  it("refuses proposals outside the proposals phase", async () => {
    const { budget } = await makeBudget(db, { structure: HOME_STRUCTURE, phase: "voting" });
    const { agent } = await signedInAgent(app, database);
    expect((await agent.get(`/fr/budgets/${budget.id}/propose`)).statusCode).toBe(404);
    const post = await agent.post(`/fr/budgets/${budget.id}/propose`, { title: "Un grand parc au nord" });
    expect(post.statusCode).toBe(404);
  });

  it("counts one support per account, and a withdrawal", async () => {
    const { budget, proposals } = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "proposals",
      proposals: [{ code: "P-001", cost: 1000, status: "submitted" }],
    });
    const url = `/en/budgets/${budget.id}/proposals/${proposals[0]!.id}`;
    const { agent } = await signedInAgent(app, database);
    expect((await agent.post(`${url}/support`, { support: "1" })).statusCode).toBe(303);
    expect((await agent.post(`${url}/support`, { support: "1" })).statusCode).toBe(303);
    expect((await agent.get(url)).body).toContain("1 support");
    await agent.post(`${url}/support`, { support: "0" });
    expect((await agent.get(url)).body).toContain("0 supports");
    expect(
      await db
        .select()
        .from(budgetProposalSupports)
        .where(eq(budgetProposalSupports.proposalId, proposals[0]!.id)),
    ).toEqual([]);
  });
});

describe("review", () => {
  it("needs a public reason to reject, which then shows on the public page", async () => {
    const { budget, proposals } = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "review",
      proposals: [
        { code: "P-001", cost: 1000, status: "submitted" },
        { code: "P-002", cost: 2000, status: "submitted" },
      ],
    });
    const p = proposals[0]!;
    const url = `/fr/admin/budgets/${budget.id}/proposals/${p.id}/review`;
    expect((await admin.get(`/fr/admin/budgets/${budget.id}`)).statusCode).toBe(200);
    const noReason = await admin.post(url, { decision: "rejected" });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain("Donnez le motif public, dans au moins une langue");
    expect((await db.select().from(budgetProposals).where(eq(budgetProposals.id, p.id)))[0]!.status).toBe(
      "submitted",
    );
    const rejected = await admin.post(url, {
      decision: "rejected",
      reasonFr: "Le terrain appartient à l’État, pas à la commune.",
    });
    expect(rejected.statusCode).toBe(303);
    const page = await new Agent(app).get(`/fr/budgets/${budget.id}/proposals/${p.id}`);
    expect(page.body).toContain("Non retenue");
    expect(page.body).toContain("Le terrain appartient à l’État, pas à la commune.");
    const accepted = await admin.post(`/fr/admin/budgets/${budget.id}/proposals/${proposals[1]!.id}/review`, {
      decision: "accepted",
      cost: "2500",
    });
    expect(accepted.statusCode).toBe(303);
    const [row] = await db.select().from(budgetProposals).where(eq(budgetProposals.id, proposals[1]!.id));
    expect(row).toMatchObject({ status: "accepted", costMillimes: 2_500_000 });
  });

  it("merges a duplicate into another proposal, and refuses agents", async () => {
    const { budget, proposals } = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "review",
      proposals: [
        { code: "P-001", cost: 1000, status: "submitted" },
        { code: "P-002", cost: 2000, status: "submitted" },
      ],
    });
    const url = `/en/admin/budgets/${budget.id}/proposals/${proposals[1]!.id}/review`;
    expect(
      (await counterAgent.post(url, { decision: "merged", mergeInto: "P-001", reasonEn: "Same park" }))
        .statusCode,
    ).toBe(403);
    const wrong = await admin.post(url, { decision: "merged", mergeInto: "P-002", reasonEn: "Same park" });
    expect(wrong.statusCode).toBe(422);
    expect(
      (await admin.post(url, { decision: "merged", mergeInto: "p-001", reasonEn: "Same park" })).statusCode,
    ).toBe(303);
    const page = await new Agent(app).get(`/en/budgets/${budget.id}/proposals/${proposals[1]!.id}`);
    expect(page.body).toContain("Same park");
    expect(page.body).toContain("P-001 · Project P-001");
  });
});

describe("voting", () => {
  const voting = () =>
    makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "voting",
      proposals: [
        { code: "P-001", district: "north", cost: 30_000 },
        { code: "P-002", district: "north", cost: 20_000 },
        { code: "P-003", district: "south", cost: 25_000 },
        { code: "P-004", cost: 10_000 },
        { code: "P-005", cost: 5_000, status: "submitted" },
      ],
    });

  it("shows what is left without storing, refuses a ballot over the amount, then casts and gives a receipt", async () => {
    const { budget, proposals } = await voting();
    const [p1, p2, , p4, p5] = proposals;
    const voter = await verifiedResident();
    const url = `/fr/budgets/${budget.id}/vote`;
    const form = await voter.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Projet P-001");
    expect(form.body).not.toContain("Projet P-005");
    const before = await countRows();
    const check = await voter.post(url, { proposal: [p1!.id, p2!.id], action: "check" });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain("Votre choix dépasse de 10\u202f000 DT le montant de cet arrondissement.");
    const over = await voter.post(url, { proposal: [p1!.id, p2!.id], action: "cast" });
    expect(over.statusCode).toBe(422);
    expect(over.body).toContain("Votre bulletin dépasse le montant d’un arrondissement : retirez un projet");
    const notOnBallot = await voter.post(url, { proposal: [p4!.id, p5!.id], action: "cast" });
    expect(notOnBallot.statusCode).toBe(422);
    expect(notOnBallot.body).toContain("Votre bulletin contient un projet qui n’est pas soumis au vote");
    expect(await countRows()).toEqual(before);
    const okCheck = await voter.post(url, { proposal: [p1!.id, p4!.id], action: "check" });
    expect(okCheck.body).toContain("Choisi : 30\u202f000 DT. Reste : 10\u202f000 DT.");
    const cast = await voter.post(url, { proposal: [p1!.id, p4!.id], action: "cast" });
    expect(cast.statusCode).toBe(200);
    expect(cast.headers["cache-control"]).toContain("no-store");
    const receipt = receiptOf(cast.body);
    expect(receipt).toBeDefined();
    const again = await voter.post(url, { proposal: [p4!.id], action: "cast" });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain("Vous avez déjà voté.");
    const after = await countRows();
    expect(after).toEqual({ b: before.b + 1, i: before.i + 2, e: before.e + 1 });
  });

  it("asks an unverified visitor for a paper code, which staff issue and which works once", async () => {
    const { budget, proposals } = await voting();
    const url = `/fr/budgets/${budget.id}/vote`;
    const visitor = new Agent(app);
    const noCode = await visitor.post(url, { proposal: proposals[2]!.id, action: "cast" });
    expect(noCode.statusCode).toBe(422);
    expect(noCode.body).toContain("Saisissez votre code de vote");
    const unknown = await visitor.post(url, {
      proposal: proposals[2]!.id,
      action: "cast",
      code: "0000-0000-0000-0000",
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain("Ce code de vote n’existe pas ou a déjà servi");
    const issued = await counterAgent.post(`/fr/admin/budgets/${budget.id}/codes`, { issue: "1" });
    expect(issued.statusCode).toBe(200);
    const code = /id="voting-code"><code>([0-9A-Z-]{19})<\/code>/.exec(issued.body)?.[1];
    expect(code).toBeDefined();
    const cast = await visitor.post(url, {
      proposal: proposals[2]!.id,
      action: "cast",
      code: code!.toLowerCase(),
    });
    expect(cast.statusCode).toBe(200);
    expect(receiptOf(cast.body)).toBeDefined();
    const reuse = await new Agent(app).post(url, { proposal: proposals[2]!.id, action: "cast", code: code! });
    expect(reuse.statusCode).toBe(422);
    expect(reuse.body).toContain("Ce code de vote n’existe pas ou a déjà servi");
  });

  it("changes a ballot by its receipt until voting closes, then refuses", async () => {
    const { budget, proposals } = await voting();
    const [p1, p2, p3] = proposals;
    const voter = await verifiedResident();
    const url = `/en/budgets/${budget.id}/vote`;
    const receipt = receiptOf((await voter.post(url, { proposal: p1!.id, action: "cast" })).body)!;
    const wrong = await new Agent(app).post(`${url}/change`, { receipt: "ZZZZ-ZZZZ-ZZZZ-ZZZZ" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("No ballot has this receipt code");
    const stranger = new Agent(app);
    const opened = await stranger.post(`${url}/change`, { receipt: receipt.toLowerCase() });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toMatch(new RegExp(`value="${p1!.id}"[^>]*checked`));
    const changed = await stranger.post(url, { proposal: [p2!.id, p3!.id], action: "cast", receipt });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain("Your ballot is changed");
    // The change was made in the ballot box; what the mixing moves out of it is the new ballot.
    await mixBallots(db, budget.id, { minimum: 1 });
    const [ballot] = await db.select().from(budgetBallots).where(eq(budgetBallots.budgetId, budget.id));
    const items = await db.select().from(budgetBallotItems).where(eq(budgetBallotItems.ballotId, ballot!.id));
    expect(items.map((i) => i.proposalId).sort()).toEqual([p2!.id, p3!.id].sort());
    await setPhase(db, budget.id, "results");
    const late = await stranger.post(url, { proposal: [p1!.id], action: "cast", receipt });
    expect(late.statusCode).toBe(404);
    const items2 = await db
      .select()
      .from(budgetBallotItems)
      .where(eq(budgetBallotItems.ballotId, ballot!.id));
    expect(items2).toHaveLength(2);
  });

  it("stores no link between a voter and a ballot", async () => {
    const columnsOf = async (table: string) =>
      rowsOf<{ column_name: string }>(
        await db.execute(
          sql`select column_name from information_schema.columns where table_name = ${table} order by column_name`,
        ),
      ).map((c) => c.column_name);
    expect(await columnsOf("budget_ballots")).toEqual(["budget_id", "id", "receipt_hash"]);
    expect(await columnsOf("budget_ballot_items")).toEqual(["ballot_id", "proposal_id"]);
    // The ballot box, where a ballot waits to be mixed, holds no more than a ballot does.
    expect(await columnsOf("budget_ballot_box")).toEqual(["budget_id", "id", "receipt_hash"]);
    expect(await columnsOf("budget_ballot_box_items")).toEqual(["box_id", "proposal_id"]);
    const refs = rowsOf<{ table_name: string; ref: string }>(
      await db.execute(
        sql`select tc.table_name, ccu.table_name as ref from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
          where tc.constraint_type = 'FOREIGN KEY' and tc.table_name in ('budget_ballots', 'budget_ballot_items', 'budget_eligibility')`,
      ),
    );
    expect(
      refs
        .filter((r) => r.table_name !== "budget_eligibility")
        .map((r) => r.ref)
        .sort(),
    ).toEqual(["budget_ballots", "budget_proposals", "budgets"].sort());
    expect(refs.filter((r) => r.table_name === "budget_eligibility").map((r) => r.ref)).not.toContain(
      "budget_ballots",
    );
    const boxRefs = rowsOf<{ table_name: string; ref: string }>(
      await db.execute(
        sql`select tc.table_name, ccu.table_name as ref from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
          where tc.constraint_type = 'FOREIGN KEY' and (tc.table_name in ('budget_ballot_box', 'budget_ballot_box_items')
            or ccu.table_name = 'budget_ballot_box')`,
      ),
    );
    expect(boxRefs.map((r) => `${r.table_name}>${r.ref}`).sort()).toEqual(
      [
        "budget_ballot_box>budgets",
        "budget_ballot_box_items>budget_ballot_box",
        "budget_ballot_box_items>budget_proposals",
      ].sort(),
    );
    // Ballot ids are random (v4), never time-ordered (v7): an id says nothing of when it was cast.
    const ids = await db.select({ id: budgetBallots.id }).from(budgetBallots);
    expect(ids.length).toBeGreaterThan(0);
    for (const { id } of ids) expect(id[14]).toBe("4");
    const held = await db.select({ id: budgetBallotBox.id }).from(budgetBallotBox);
    expect(held.length).toBeGreaterThan(0);
    for (const { id } of held) expect(id[14]).toBe("4");
    const eligibility = await db.select().from(budgetEligibility);
    for (const row of eligibility) expect(Object.values(row).join(" ")).not.toMatch(/receipt/);
  });

  it("publishes results once voting closes, and the published ballots reproduce them", async () => {
    const { budget, proposals } = await voting();
    const [p1, p2, p3, p4] = proposals;
    const url = `/en/budgets/${budget.id}/vote`;
    for (const items of [
      [p1!.id, p4!.id],
      [p2!.id, p3!.id],
      [p2!.id, p4!.id],
    ]) {
      const voter = await verifiedResident();
      expect((await voter.post(url, { proposal: items, action: "cast" })).statusCode).toBe(200);
    }
    expect((await new Agent(app).get(`/en/budgets/${budget.id}/ballots.json`)).statusCode).toBe(404);
    await setPhase(db, budget.id, "results");
    const page = await new Agent(app).get(`/en/budgets/${budget.id}`);
    expect(page.body).toContain("3 ballots cast.");
    const published = (await new Agent(app).get(`/en/budgets/${budget.id}/ballots.json`)).json() as {
      pools: Array<{ district: string | null; amountMillimes: number }>;
      proposals: Array<{ code: string; district: string | null; costMillimes: number }>;
      ballots: Array<{ receipt: string; proposals: string[] }>;
    };
    expect(published.ballots).toHaveLength(3);
    expect(Object.keys(published.ballots[0]!).sort()).toEqual(["proposals", "receipt"]);
    // Anyone's recomputation, from the published file alone.
    const recomputed = tally(
      published.pools.map((p) => ({ districtId: p.district, amount: p.amountMillimes })),
      published.proposals.map((p) => ({
        id: p.code,
        code: p.code,
        districtId: p.district,
        cost: p.costMillimes,
      })),
      published.ballots.map((b) => b.proposals),
    );
    const official = await computeResults(db, (await findBudget(db, budget.id))!);
    const selected = (r: typeof official) =>
      r.pools.flatMap((p) => p.lines.filter((l) => l.selected).map((l) => l.code)).sort();
    expect(selected(recomputed)).toEqual(selected(official));
    // By hand: north P-002 (2 votes) then P-001 30 000 does not fit in 20 000; south P-003; city-wide P-004.
    expect(selected(official)).toEqual(["P-002", "P-003", "P-004"]);
    expect(recomputed.pools.map((p) => p.spent)).toEqual(official.pools.map((p) => p.spent));
  });
});

describe("winners to accountability", () => {
  it("publishes the selected projects as results once voting closed, once only", async () => {
    const { budget, proposals } = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "voting",
      proposals: [
        { code: "P-001", district: "north", cost: 30_000 },
        { code: "P-002", district: "north", cost: 20_000 },
      ],
    });
    const voter = await verifiedResident();
    await voter.post(`/en/budgets/${budget.id}/vote`, { proposal: proposals[0]!.id, action: "cast" });
    const publish = `/en/admin/budgets/${budget.id}/publish-winners`;
    expect((await admin.post(publish, { publish: "1" })).statusCode).toBe(303);
    const code = `${budget.code}-p-001`;
    expect(await db.select().from(results).where(eq(results.code, code))).toEqual([]);
    expect((await counterAgent.post(publish, { publish: "1" })).statusCode).toBe(403);
    await setPhase(db, budget.id, "results");
    expect((await admin.post(publish, { publish: "1" })).statusCode).toBe(303);
    expect((await admin.post(publish, { publish: "1" })).statusCode).toBe(303);
    const rows = await db.select().from(results).where(eq(results.structureId, budget.structureId));
    const mine = rows.filter((r) => r.code.startsWith(budget.code));
    expect(mine.map((r) => [r.code, r.budgetPlanned, r.status])).toEqual([[code, "30000.000", "planned"]]);
    const page = await new Agent(app).get(`/fr/accountability/${mine[0]!.id}`);
    expect(page.body).toContain("Projet P-001");
    expect([mine[0]!.origin, mine[0]!.originId]).toEqual(["budget", proposals[0]!.id]);
    // The result says where it comes from: the budget's proposal, linked.
    expect(page.body).toContain("Issu du projet du budget participatif");
    expect(page.body).toContain(`href="/fr/budgets/${budget.id}/proposals/${proposals[0]!.id}"`);
  });
});
