import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { accounts } from "../../core/auth/tables.js";
import { computeResults, findBudget } from "./queries.js";
import { budgetProposals } from "./tables.js";
import { tally } from "./tally.js";
import { makeBudget, setPhase } from "./testing.js";

const { app, database } = await createTestApp();
const db = database.db;

async function verifiedResident() {
  const { agent, account } = await signedInAgent(app, database);
  await db.update(accounts).set({ identityVerifiedAt: new Date() }).where(eq(accounts.id, account.id));
  return agent;
}

/** Every row of an API collection, page after page. */
async function all<T>(path: string, limit: number): Promise<T[]> {
  const rows: T[] = [];
  let url: string | null = `${path}?limit=${limit}`;
  while (url) {
    const answer = await app.inject(url);
    expect(answer.statusCode).toBe(200);
    const body = answer.json() as { data: T[]; next: string | null };
    rows.push(...body.data);
    url = body.next ? body.next.replace(app.config.publicUrl, "") : null;
  }
  return rows;
}

type BallotRow = { budget_code: string; receipt_hash: string; proposal_codes: string };
type ResultRow = {
  budget_code: string;
  proposal_code: string;
  district_code: string | null;
  pool_amount_tnd: number;
  cost_tnd: number;
  votes: number;
  rank: number;
  selected: boolean;
};

describe("budgets in the open-data catalogue", () => {
  it("publishes closed budgets' anonymised ballots and results, which re-count to the official result", async () => {
    const closed = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "voting",
      proposals: [
        { code: "P-001", district: "north", cost: 30_000 },
        { code: "P-002", district: "north", cost: 20_000 },
        { code: "P-003", district: "south", cost: 25_000 },
        { code: "P-004", cost: 10_000 },
      ],
    });
    const open = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "voting",
      proposals: [{ code: "P-001", cost: 1000 }],
    });
    const [p1, p2, p3, p4] = closed.proposals;
    for (const items of [[p1!.id, p4!.id], [p2!.id, p3!.id], [p2!.id, p4!.id], [p3!.id]]) {
      const voter = await verifiedResident();
      const url = `/en/budgets/${closed.budget.id}/vote`;
      expect((await voter.post(url, { proposal: items, action: "cast" })).statusCode).toBe(200);
    }
    const early = await verifiedResident();
    await early.post(`/en/budgets/${open.budget.id}/vote`, {
      proposal: open.proposals[0]!.id,
      action: "cast",
    });
    await setPhase(db, closed.budget.id, "results");

    const ballots = await all<BallotRow>("/api/v1/budget-ballots", 3);
    const results = await all<ResultRow>("/api/v1/budget-results", 1);
    // Still voting: nothing of the open budget is published.
    expect(ballots.some((b) => b.budget_code === open.budget.code)).toBe(false);
    expect(results.some((r) => r.budget_code === open.budget.code)).toBe(false);
    const mine = ballots.filter((b) => b.budget_code === closed.budget.code);
    expect(mine).toHaveLength(4);
    expect(Object.keys(mine[0]!).sort()).toEqual(["budget_code", "proposal_codes", "receipt_hash"]);
    const lines = results.filter((r) => r.budget_code === closed.budget.code);
    expect(lines).toHaveLength(4);

    // Anyone's re-count, from the two API collections alone.
    const pools = [...new Map(lines.map((l) => [l.district_code, l.pool_amount_tnd])).entries()];
    const recount = tally(
      pools.map(([district, amount]) => ({ districtId: district, amount: Math.round(amount * 1000) })),
      lines.map((l) => ({
        id: l.proposal_code,
        code: l.proposal_code,
        districtId: l.district_code,
        cost: Math.round(l.cost_tnd * 1000),
      })),
      mine.map((b) => b.proposal_codes.split(" ")),
    );
    const official = await computeResults(db, (await findBudget(db, closed.budget.id))!);
    const summary = (r: typeof official) =>
      r.pools.flatMap((p) => p.lines.map((l) => `${l.code}:${l.votes}:${l.rank}:${l.selected}`)).sort();
    expect(summary(recount)).toEqual(summary(official));
    expect(lines.map((l) => `${l.proposal_code}:${l.votes}:${l.rank}:${l.selected}`).sort()).toEqual(
      summary(official),
    );
    expect(
      lines
        .filter((l) => l.selected)
        .map((l) => l.proposal_code)
        .sort(),
    ).toEqual(["P-002", "P-003", "P-004"]);

    const csv = await app.inject("/open-data/budget-ballots.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split("\n")[0]).toContain("budget_code,receipt_hash,proposal_codes");
    const catalogue = await app.inject("/open-data/catalog.jsonld");
    expect(catalogue.body).toContain("budget-ballots");
    expect(catalogue.body).toContain("budget-results");
    const fr = await app.inject("/fr/open-data");
    expect(fr.body).toContain("Résultats des budgets participatifs");
  });

  it("keeps the line of a proposal moderation hid after it reached the ballot, without its words", async () => {
    const { budget, proposals } = await makeBudget(db, {
      structure: HOME_STRUCTURE,
      phase: "results",
      proposals: [
        { code: "P-001", cost: 5_000 },
        { code: "P-002", cost: 6_000 },
      ],
    });
    await db
      .update(budgetProposals)
      .set({ moderationState: "hidden", moderationReason: "Propos injurieux." })
      .where(eq(budgetProposals.id, proposals[1]!.id));
    const rows = (await all<ResultRow & { title_fr: string | null }>("/api/v1/budget-results", 100)).filter(
      (r) => r.budget_code === budget.code,
    );
    expect(rows.map((r) => [r.proposal_code, r.title_fr])).toEqual([
      ["P-001", "Projet P-001"],
      ["P-002", null],
    ]);
  });
});
