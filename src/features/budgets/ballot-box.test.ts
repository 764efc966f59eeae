import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { accounts } from "../../core/auth/tables.js";
import { rowsOf } from "../../db/client.js";
import { MIX_MINIMUM, mixBallots, mixBallotsJob, mixHeldBallots, vacuumBallotBox } from "./ballot-box.js";
import { newCode, receiptHash, voterKeyHash } from "./codes.js";
import { ballotByReceipt, castBallot, changeBallot } from "./commands/vote.js";
import { budgetsManifest } from "./manifest.js";
import { computeResults, findBudget, publishedBallots } from "./queries.js";
import { budgetEligibility } from "./tables.js";
import { makeBudget, setPhase } from "./testing.js";

const { app, database } = await createTestApp();
const db = database.db;

const voting = () =>
  makeBudget(db, {
    structure: HOME_STRUCTURE,
    phase: "voting",
    proposals: [
      { code: "P-001", district: "north", cost: 30_000 },
      { code: "P-002", district: "north", cost: 10_000 },
      { code: "P-003", district: "south", cost: 25_000 },
      { code: "P-004", cost: 10_000 },
    ],
  });

/** Casts one e-ID ballot per new voter, in order; returns the receipts in the order of voting. */
async function castMany(budgetId: string, choices: string[][]): Promise<string[]> {
  const budget = (await findBudget(db, budgetId))!;
  const receipts: string[] = [];
  for (const items of choices) {
    const outcome = await castBallot(db, budget, { kind: "eid", accountId: randomUUID() }, items);
    if (!outcome.ok) throw new Error(`cast refused: ${outcome.error.key}`);
    receipts.push(outcome.receipt);
  }
  return receipts;
}

/** Counts a budget's ballots: held in the box, and mixed. */
async function counts(budgetId: string) {
  const [row] = rowsOf<{ held: number; mixed: number; heldItems: number; mixedItems: number }>(
    await db.execute(sql`select
      (select count(*) from budget_ballot_box where budget_id = ${budgetId})::int as held,
      (select count(*) from budget_ballots where budget_id = ${budgetId})::int as mixed,
      (select count(*) from budget_ballot_box_items i join budget_ballot_box x on x.id = i.box_id where x.budget_id = ${budgetId})::int as "heldItems",
      (select count(*) from budget_ballot_items i join budget_ballots b on b.id = i.ballot_id where b.budget_id = ${budgetId})::int as "mixedItems"`),
  );
  return row!;
}

/** The transaction ids (xmin) of a budget's eligibility rows, and of its held and mixed ballots' rows. */
async function xmins(budgetId: string) {
  const list = async (query: ReturnType<typeof sql>) =>
    rowsOf<{ x: string }>(await db.execute(query)).map((r) => r.x);
  return {
    eligibility: await list(
      sql`select xmin::text as x from budget_eligibility where budget_id = ${budgetId}`,
    ),
    box: await list(sql`select xmin::text as x from budget_ballot_box where budget_id = ${budgetId}`),
    ballots: await list(sql`select xmin::text as x from budget_ballots where budget_id = ${budgetId}`),
    items: await list(
      sql`select i.xmin::text as x from budget_ballot_items i join budget_ballots b on b.id = i.ballot_id where b.budget_id = ${budgetId}`,
    ),
  };
}

describe("the ballot box and its mixing", () => {
  it("is declared as a periodic job of the budgets feature", () => {
    expect(budgetsManifest.jobs).toContain(mixBallotsJob);
    expect(mixBallotsJob.cron).toBe("* * * * *");
  });

  it("mixes 20 ballots so that neither their transaction ids nor their order on disk follow the voters", async () => {
    const { budget, proposals } = await voting();
    const [p1, p2, p3, p4] = proposals.map((p) => p.id);
    const choices = Array.from({ length: 20 }, (_, i) => (i % 2 ? [p2!, p3!] : [p1!, p4!]));
    const receipts = await castMany(budget.id, choices);
    // Held: each box row carries the same transaction id as its voter's eligibility row.
    const before = await xmins(budget.id);
    expect(before.box).toHaveLength(20);
    expect(before.box.every((x) => before.eligibility.includes(x))).toBe(true);
    expect(await counts(budget.id)).toEqual({ held: 20, mixed: 0, heldItems: 40, mixedItems: 0 });

    expect(await mixBallotsJob.run(db, new Date(), { publicUrl: "", secret: "", features: [] })).toBe(20);

    expect(await counts(budget.id)).toEqual({ held: 0, mixed: 20, heldItems: 0, mixedItems: 40 });
    const after = await xmins(budget.id);
    for (const x of [...after.ballots, ...after.items]) expect(after.eligibility).not.toContain(x);
    // One mixing transaction for the batch.
    expect(new Set(after.ballots).size).toBe(1);
    // The order on disk is not the order of voting.
    const byCtid = rowsOf<{ receipt_hash: string }>(
      await db.execute(
        sql`select receipt_hash from budget_ballots where budget_id = ${budget.id} order by ctid`,
      ),
    ).map((r) => r.receipt_hash);
    const votingOrder = receipts.map(receiptHash);
    expect([...byCtid].sort()).toEqual([...votingOrder].sort());
    expect(byCtid).not.toEqual(votingOrder);
    // The box's deleted rows are vacuumed away outside a transaction; inside one, vacuuming is
    // skipped without breaking the transaction.
    expect(await vacuumBallotBox(db)).toBe(true);
    expect(
      await db.transaction(async (tx) => [
        await vacuumBallotBox(tx),
        rowsOf<{ n: number }>(
          await tx.execute(sql`select count(*)::int as n from budget_ballots where budget_id = ${budget.id}`),
        )[0]!.n,
      ]),
    ).toEqual([false, 20]);
    // Each receipt still finds its own ballot.
    for (const [i, receipt] of receipts.entries()) {
      const found = await ballotByReceipt(db, budget.id, receipt);
      expect(found?.proposalIds.sort()).toEqual([...choices[i]!].sort());
    }
  });

  it("waits for enough ballots while voting is open, and mixes in batches of their own transactions", async () => {
    const { budget, proposals } = await voting();
    const few = await castMany(
      budget.id,
      Array.from({ length: MIX_MINIMUM - 1 }, () => [proposals[3]!.id]),
    );
    expect(await mixHeldBallots(db, new Date())).toBe(0);
    expect((await counts(budget.id)).held).toBe(MIX_MINIMUM - 1);
    // Counting reads only mixed ballots: nothing yet while voting is open.
    expect((await computeResults(db, (await findBudget(db, budget.id))!)).ballots).toBe(0);
    await castMany(
      budget.id,
      Array.from({ length: 21 - few.length }, () => [proposals[0]!.id]),
    );
    // 21 held: two batches of 8, then 5 left, fewer than the 6 asked for: they stay held.
    expect(await mixBallots(db, budget.id, { minimum: 6, batch: 8 })).toBe(16);
    expect(await counts(budget.id)).toMatchObject({ held: 5, mixed: 16 });
    expect(await mixBallots(db, budget.id, { minimum: 6, batch: 8 })).toBe(0);
    expect(await mixBallots(db, budget.id, { minimum: 5, batch: 8 })).toBe(5);
    const { ballots } = await xmins(budget.id);
    expect(new Set(ballots).size).toBe(3);
  });

  it("counts every ballot once voting closes, including those still in the box", async () => {
    const { budget, proposals } = await voting();
    const [p1, p2, p3, p4] = proposals.map((p) => p.id);
    await castMany(budget.id, [
      [p1!, p4!],
      [p2!, p3!],
    ]);
    await mixBallots(db, budget.id, { minimum: 1 });
    await castMany(budget.id, [
      [p2!, p4!],
      [p2!, p3!, p4!],
    ]);
    expect(await mixHeldBallots(db, new Date())).toBe(0);
    expect(await counts(budget.id)).toMatchObject({ held: 2, mixed: 2 });
    await setPhase(db, budget.id, "results");
    const page = await new Agent(app).get(`/en/budgets/${budget.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("4 ballots cast.");
    expect(await counts(budget.id)).toMatchObject({ held: 0, mixed: 4 });
    const result = await computeResults(db, (await findBudget(db, budget.id))!);
    const votes = Object.fromEntries(result.pools.flatMap((p) => p.lines.map((l) => [l.code, l.votes])));
    expect(votes).toEqual({ "P-001": 1, "P-002": 3, "P-003": 2, "P-004": 3 });
    const published = (await new Agent(app).get(`/en/budgets/${budget.id}/ballots.json`)).json() as {
      ballots: unknown[];
    };
    expect(published.ballots).toHaveLength(4);
  });

  it("settles the box before the open-data ballots and the published ballots of a closed budget", async () => {
    const { budget, proposals } = await voting();
    const [receipt] = await castMany(budget.id, [[proposals[1]!.id]]);
    await setPhase(db, budget.id, "results");
    const rows = (await app.inject("/api/v1/budget-ballots?limit=100")).json() as {
      data: Array<{ budget_code: string; receipt_hash: string; proposal_codes: string }>;
    };
    expect(rows.data.filter((r) => r.budget_code === budget.code)).toEqual([
      { budget_code: budget.code, receipt_hash: receiptHash(receipt!), proposal_codes: "P-002" },
    ]);
    expect(await publishedBallots(db, (await findBudget(db, budget.id))!)).toEqual([
      { receipt: receiptHash(receipt!), proposals: ["P-002"] },
    ]);
  });

  it("changes a ballot by its receipt before and after it is mixed", async () => {
    const { budget, proposals } = await voting();
    const [p1, p2, p3, p4] = proposals.map((p) => p.id);
    const { agent, account } = await signedInAgent(app, database);
    await db.update(accounts).set({ identityVerifiedAt: new Date() }).where(eq(accounts.id, account.id));
    const url = `/en/budgets/${budget.id}/vote`;
    // What the voting page promises is what happens below.
    expect((await agent.get(url)).body).toContain(
      "Your ballot goes into a ballot box and is mixed with other ballots before it is stored for counting",
    );
    const cast = await agent.post(url, { proposal: [p1!], action: "cast" });
    const receipt = /<code>([0-9A-Z-]{19})<\/code>/.exec(cast.body)?.[1] ?? "";
    expect(receipt).not.toBe("");
    const stranger = new Agent(app);
    // Still held in the box.
    expect((await counts(budget.id)).held).toBe(1);
    const opened = await stranger.post(`${url}/change`, { receipt });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toMatch(new RegExp(`value="${p1}"[^>]*checked`));
    const changed = await stranger.post(url, { proposal: [p2!, p3!], action: "cast", receipt });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain("Your ballot is changed");
    expect((await ballotByReceipt(db, budget.id, receipt))?.proposalIds.sort()).toEqual([p2!, p3!].sort());
    // Mixed: the receipt still opens it, and a change replaces its projects there.
    await mixBallots(db, budget.id, { minimum: 1 });
    expect(await counts(budget.id)).toEqual({ held: 0, mixed: 1, heldItems: 0, mixedItems: 2 });
    const reopened = await stranger.post(`${url}/change`, { receipt });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.body).toMatch(new RegExp(`value="${p2}"[^>]*checked`));
    expect(reopened.body).toMatch(new RegExp(`value="${p3}"[^>]*checked`));
    const again = await stranger.post(url, { proposal: [p4!], action: "cast", receipt });
    expect(again.statusCode).toBe(200);
    expect(await counts(budget.id)).toEqual({ held: 0, mixed: 1, heldItems: 0, mixedItems: 1 });
    expect((await ballotByReceipt(db, budget.id, receipt))?.proposalIds).toEqual([p4!]);
    // An unknown receipt changes nothing, wherever the ballots are.
    const full = (await findBudget(db, budget.id))!;
    const unknown = await changeBallot(db, full, "ZZZZ-ZZZZ-ZZZZ-ZZZZ", [p1!]);
    expect(unknown.ok).toBe(false);
    expect(await counts(budget.id)).toEqual({ held: 0, mixed: 1, heldItems: 0, mixedItems: 1 });
  });

  it("stores one ballot when the same voter submits twice at once", async () => {
    const { budget, proposals } = await voting();
    const full = (await findBudget(db, budget.id))!;
    const accountId = randomUUID();
    const outcomes = await Promise.all([
      castBallot(db, full, { kind: "eid", accountId }, [proposals[0]!.id]),
      castBallot(db, full, { kind: "eid", accountId }, [proposals[1]!.id]),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ error: { key: "budgets.errors.alreadyVoted" } });
    // A paper code, as staff issue it (only its hash is kept), used twice at once.
    const code = newCode();
    await db.insert(budgetEligibility).values({
      budgetId: budget.id,
      voterKeyHash: voterKeyHash(full.voterKeySalt, "paper_code", code),
      method: "paper_code",
    });
    const byCode = await Promise.all([
      castBallot(db, full, { kind: "paper_code", code }, [proposals[2]!.id]),
      castBallot(db, full, { kind: "paper_code", code }, [proposals[3]!.id]),
    ]);
    expect(byCode.filter((o) => o.ok)).toHaveLength(1);
    expect(byCode.find((o) => !o.ok)).toMatchObject({ error: { key: "budgets.errors.codeUnknown" } });
    const expected = 2;
    expect(await counts(budget.id)).toMatchObject({ held: expected, mixed: 0 });
    // A second mixing at the same time moves nothing twice.
    const moved = await Promise.all([
      mixBallots(db, budget.id, { minimum: 1 }),
      mixBallots(db, budget.id, { minimum: 1 }),
    ]);
    expect(moved[0]! + moved[1]!).toBe(expected);
    expect(await counts(budget.id)).toMatchObject({ held: 0, mixed: expected });
  });

  it("mixes as few ballots as the operator's BALLOT_MIX_MINIMUM asks for", async () => {
    const { budget, proposals } = await voting();
    await castMany(budget.id, [[proposals[0]!.id], [proposals[1]!.id], [proposals[3]!.id]]);
    const env = { publicUrl: "", secret: "", features: [] };
    await mixBallotsJob.run(db, new Date(), { ...env, ballotMixMinimum: 4 });
    expect(await counts(budget.id)).toMatchObject({ held: 3, mixed: 0 });
    await mixBallotsJob.run(db, new Date(), env);
    expect(await counts(budget.id)).toMatchObject({ held: 3, mixed: 0 });
    await mixBallotsJob.run(db, new Date(), { ...env, ballotMixMinimum: 3 });
    expect(await counts(budget.id)).toMatchObject({ held: 0, mixed: 3 });
  });
});
