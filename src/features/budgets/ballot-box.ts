import { randomInt, randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { JobDefinition } from "../../core/jobs/job.js";
import { type Db, rowsOf } from "../../db/client.js";
import {
  type BudgetRow,
  budgetBallotBox,
  budgetBallotBoxItems,
  budgetBallotItems,
  budgetBallots,
  budgets,
} from "./tables.js";

/**
 * Mixing the ballot box (tables.ts, budgetBallotBox).
 *
 * Why: casting a ballot marks the voter's eligibility row and stores the ballot in one transaction
 * (so a person casts exactly one ballot, never half of one). PostgreSQL stamps both rows with that
 * transaction's id (the `xmin` system column), and a table's rows lie on disk in the order they were
 * written (`ctid`): a database reader could pair each eligibility row with its ballot. So a ballot is
 * cast into the box, and mixing moves held ballots into `budget_ballots` in a random order, under
 * new random ids, in a transaction of its own: every mixed ballot's rows carry the mixing
 * transaction's id, and their order on disk is the shuffle's, not the voters'.
 *
 * When: the mixing job moves a budget's held ballots once at least `MIX_MINIMUM` are held (a mixed
 * ballot hides among at least that many others cast in the same period), in batches of at most
 * `MIX_BATCH`, each batch its own transaction. Once voting closes, everything still held is mixed,
 * whatever the number, before any count or publication reads the ballots (settleBallots, which the
 * tally and the published ballots call first). Counting and publishing read only mixed ballots.
 *
 * What is still left (not handled here):
 * - the box's deleted rows stay on disk as dead tuples until VACUUM: mixing vacuums the box when it
 *   runs outside a transaction (the job, and a settling outside one); on PostgreSQL autovacuum also
 *   does it, and a long-running transaction elsewhere can keep them alive until it ends;
 * - the write-ahead log (and any WAL archive, replica or backup taken while ballots were held) holds
 *   the box rows and the eligibility rows with their shared transaction id: whoever can read the WAL
 *   or such a backup can still pair them. Keep WAL archives and backups as secret as the database;
 * - statement logs (log_statement = 'all' or 'mod', pg_stat_statements with parameters) and the
 *   time of each insert seen by anyone watching the database live; the app's own access log is
 *   silenced on the voting routes (routes/vote.tsx);
 * - the time of mixing: a mixed ballot is known to be one of its batch, cast between two mixings.
 *   An e-ID voter's eligibility row is created when they vote (its v7 id and created_at hold that
 *   time, and its xmin orders it among the mixings' transaction ids), so their ballot is known to
 *   be one of the batch mixed next: one among at least `MIX_MINIMUM` (BALLOT_MIX_MINIMUM), or among
 *   those left at the close;
 * - a ballot changed after mixing gets items written by the change's transaction (which reads and
 *   writes nothing of the voter, so it links the ballot to no one);
 * - ballots cast before the ballot box existed were stored directly and are not re-mixed.
 */

/** How many ballots must be held before the job mixes them while voting is open (BALLOT_MIX_MINIMUM's default). */
export const MIX_MINIMUM = 10;
/** The most ballots moved in one mixing transaction. */
export const MIX_BATCH = 500;
/** Items inserted per statement (PostgreSQL allows 65 535 parameters in one). */
const ITEM_CHUNK = 5_000;

/** A uniformly random order (Fisher–Yates with the system's secure random source). */
export function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Moves a budget's held ballots into the counted ballots, in a random order, in batches of at most
 * `batch`, each in its own transaction. A batch smaller than `minimum` is left in the box. Safe to
 * run twice at once: the held rows are locked, and a run that finds them gone moves nothing.
 * Returns how many ballots were moved.
 */
export async function mixBallots(
  db: Db,
  budgetId: string,
  options: { minimum: number; batch?: number },
): Promise<number> {
  const batch = options.batch ?? MIX_BATCH;
  const minimum = Math.max(1, options.minimum);
  let moved = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const held = await tx
        .select({ id: budgetBallotBox.id, receiptHash: budgetBallotBox.receiptHash })
        .from(budgetBallotBox)
        .where(eq(budgetBallotBox.budgetId, budgetId))
        .limit(batch)
        .for("update");
      if (held.length < minimum) return 0;
      const boxIds = held.map((h) => h.id);
      const items = await tx
        .select()
        .from(budgetBallotBoxItems)
        .where(inArray(budgetBallotBoxItems.boxId, boxIds));
      const byBox = new Map<string, string[]>();
      for (const i of items) byBox.set(i.boxId, [...(byBox.get(i.boxId) ?? []), i.proposalId]);
      const order = shuffle(held).map((h) => ({ ...h, ballotId: randomUUID() }));
      await tx
        .insert(budgetBallots)
        .values(order.map((h) => ({ id: h.ballotId, budgetId, receiptHash: h.receiptHash })));
      const rows = order.flatMap((h) =>
        (byBox.get(h.id) ?? []).map((proposalId) => ({ ballotId: h.ballotId, proposalId })),
      );
      for (let i = 0; i < rows.length; i += ITEM_CHUNK)
        await tx.insert(budgetBallotItems).values(rows.slice(i, i + ITEM_CHUNK));
      // The box's items go with their box rows (on delete cascade).
      await tx.delete(budgetBallotBox).where(inArray(budgetBallotBox.id, boxIds));
      return held.length;
    });
    moved += count;
    if (count < batch) return moved;
  }
}

/**
 * Removes the box's dead rows (what mixing deleted) from the table files, so they cannot be read back
 * from disk. VACUUM cannot run inside a transaction: skipped there (autovacuum, or the next job run,
 * does it). Returns whether it ran.
 */
export async function vacuumBallotBox(db: Db): Promise<boolean> {
  if (db instanceof PgTransaction) return false;
  await db.execute(sql.raw("vacuum budget_ballot_box, budget_ballot_box_items"));
  return true;
}

/** Whether a budget still holds unmixed ballots. */
async function holds(db: Db, budgetId: string): Promise<boolean> {
  const rows = await db
    .select({ id: budgetBallotBox.id })
    .from(budgetBallotBox)
    .where(eq(budgetBallotBox.budgetId, budgetId))
    .limit(1);
  return rows.length > 0;
}

/**
 * Once a budget's voting has closed, mixes every ballot it still holds, however few: the tally and
 * the published ballots call this first, so they count every ballot. Does nothing while voting is
 * open (the job mixes then) or when the box is empty.
 */
export async function settleBallots(
  db: Db,
  budget: Pick<BudgetRow, "id" | "resultsFrom">,
  now = new Date(),
): Promise<void> {
  if (now.getTime() < budget.resultsFrom.getTime()) return;
  if (!(await holds(db, budget.id))) return;
  if ((await mixBallots(db, budget.id, { minimum: 1 })) > 0) await vacuumBallotBox(db);
}

/** Settles every budget whose voting has closed and that still holds ballots (the open-data ballots). */
export async function settleClosedBudgets(db: Db, now = new Date()): Promise<number> {
  const closed = await db
    .selectDistinct({ id: budgets.id, resultsFrom: budgets.resultsFrom })
    .from(budgetBallotBox)
    .innerJoin(budgets, eq(budgets.id, budgetBallotBox.budgetId))
    .where(sql`${budgets.resultsFrom} <= ${now}`);
  for (const budget of closed) await settleBallots(db, budget, now);
  return closed.length;
}

/**
 * The mixing job's work: for each budget holding ballots, mixes them when at least `minimum` are
 * held, or all of them once its voting has closed; then vacuums the box. Returns how many ballots
 * were mixed.
 */
export async function mixHeldBallots(db: Db, now: Date, minimum = MIX_MINIMUM): Promise<number> {
  const held = rowsOf<{ id: string; closed: boolean; n: number }>(
    await db.execute(sql`
      select b.id, b.results_from <= ${now} as closed, count(*)::int as n
      from budget_ballot_box x join budgets b on b.id = x.budget_id
      group by b.id, b.results_from`),
  );
  let moved = 0;
  for (const budget of held) {
    if (!budget.closed && Number(budget.n) < minimum) continue;
    moved += await mixBallots(db, budget.id, { minimum: budget.closed ? 1 : minimum });
  }
  if (moved > 0) await vacuumBallotBox(db);
  return moved;
}

/**
 * Every minute: a held ballot waits at most a minute once enough others are held (the operator
 * sets how many with BALLOT_MIX_MINIMUM; MIX_MINIMUM without it).
 */
export const mixBallotsJob: JobDefinition = {
  name: "budgets-mix-ballots",
  cron: "* * * * *",
  run: (db, now, env) => mixHeldBallots(db, now, env.ballotMixMinimum ?? MIX_MINIMUM),
};

/** Where a receipt's ballot is: still held in the box, or mixed among the counted ballots. */
export async function findByReceipt(
  db: Db,
  budgetId: string,
  hash: string,
): Promise<{ where: "box" | "ballots"; id: string } | null> {
  const [inBox] = await db
    .select({ id: budgetBallotBox.id })
    .from(budgetBallotBox)
    .where(and(eq(budgetBallotBox.budgetId, budgetId), eq(budgetBallotBox.receiptHash, hash)));
  if (inBox) return { where: "box", id: inBox.id };
  const [mixed] = await db
    .select({ id: budgetBallots.id })
    .from(budgetBallots)
    .where(and(eq(budgetBallots.budgetId, budgetId), eq(budgetBallots.receiptHash, hash)));
  return mixed ? { where: "ballots", id: mixed.id } : null;
}
