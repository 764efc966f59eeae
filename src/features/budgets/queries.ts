import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { structures } from "../../core/structures/tables.js";
import { type Db, rowsOf } from "../../db/client.js";
import { settleBallots } from "./ballot-box.js";
import {
  type BudgetRow,
  budgetBallotItems,
  budgetBallots,
  budgetDistricts,
  budgetProposalSupports,
  budgetProposals,
  budgets,
  type DistrictRow,
  type ProposalRow,
} from "./tables.js";
import {
  poolsOf,
  selectWinners,
  type TallyBallot,
  type TallyCounts,
  type TallyResult,
  tally,
} from "./tally.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

export type BudgetDetail = BudgetRow & { structureName: LocalizedText; structureCode: string };

export async function listBudgets(db: Db) {
  return db
    .select({
      id: budgets.id,
      title: budgets.title,
      amountMillimes: budgets.amountMillimes,
      proposalsFrom: budgets.proposalsFrom,
      reviewFrom: budgets.reviewFrom,
      votingFrom: budgets.votingFrom,
      resultsFrom: budgets.resultsFrom,
      implementationFrom: budgets.implementationFrom,
      structureId: budgets.structureId,
      structureName: structures.name,
    })
    .from(budgets)
    .innerJoin(structures, eq(structures.id, budgets.structureId))
    .orderBy(desc(budgets.votingFrom), asc(budgets.code));
}

export async function findBudget(db: Db, id: string): Promise<BudgetDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ budget: budgets, structureName: structures.name, structureCode: structures.code })
    .from(budgets)
    .innerJoin(structures, eq(structures.id, budgets.structureId))
    .where(eq(budgets.id, id));
  return row ? { ...row.budget, structureName: row.structureName, structureCode: row.structureCode } : null;
}

export async function listDistricts(db: Db, budgetId: string): Promise<DistrictRow[]> {
  return db
    .select()
    .from(budgetDistricts)
    .where(eq(budgetDistricts.budgetId, budgetId))
    .orderBy(asc(budgetDistricts.code));
}

export async function listProposals(db: Db, budgetId: string): Promise<ProposalRow[]> {
  return db
    .select()
    .from(budgetProposals)
    .where(eq(budgetProposals.budgetId, budgetId))
    .orderBy(asc(budgetProposals.code));
}

export async function findProposal(db: Db, budgetId: string, id: string): Promise<ProposalRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(budgetProposals)
    .where(and(eq(budgetProposals.id, id), eq(budgetProposals.budgetId, budgetId)));
  return row ?? null;
}

export async function hasSupported(db: Db, proposalId: string, accountId: string | undefined) {
  if (!accountId) return false;
  const rows = await db
    .select({ p: budgetProposalSupports.proposalId })
    .from(budgetProposalSupports)
    .where(
      and(eq(budgetProposalSupports.proposalId, proposalId), eq(budgetProposalSupports.accountId, accountId)),
    );
  return rows.length > 0;
}

/** The proposals on the ballot: the accepted ones. */
export const onBallot = (proposals: readonly ProposalRow[]) =>
  proposals.filter((p) => p.status === "accepted");

/**
 * The anonymised ballots as published: each one's receipt hash and the codes of the proposals it
 * holds, in a stable order (by receipt hash), with nothing else. Only mixed ballots are read; once
 * voting has closed, the ballots still held in the ballot box are mixed first.
 */
export async function publishedBallots(
  db: Db,
  budget: Pick<BudgetRow, "id" | "resultsFrom">,
  now = new Date(),
): Promise<Array<{ receipt: string; proposals: string[] }>> {
  await settleBallots(db, budget, now);
  const budgetId = budget.id;
  const rows = await db
    .select({
      receipt: budgetBallots.receiptHash,
      codes: sql<
        string[]
      >`coalesce(array_agg(${budgetProposals.code} order by ${budgetProposals.code}) filter (where ${budgetProposals.code} is not null), '{}')`,
    })
    .from(budgetBallots)
    .leftJoin(budgetBallotItems, eq(budgetBallotItems.ballotId, budgetBallots.id))
    .leftJoin(budgetProposals, eq(budgetProposals.id, budgetBallotItems.proposalId))
    .where(eq(budgetBallots.budgetId, budgetId))
    .groupBy(budgetBallots.receiptHash)
    .orderBy(asc(budgetBallots.receiptHash));
  return rows.map((r) => ({ receipt: r.receipt, proposals: r.codes }));
}

const tallyProposals = (proposals: readonly ProposalRow[]) =>
  onBallot(proposals).map((p) => ({
    id: p.id,
    code: p.code,
    districtId: p.districtId,
    cost: p.costMillimes,
  }));

/** The tally of a budget from the published ballots. */
export function tallyOf(
  budget: Pick<BudgetRow, "amountMillimes">,
  districts: readonly DistrictRow[],
  proposals: readonly ProposalRow[],
  ballots: Iterable<TallyBallot>,
): TallyResult {
  return tally(poolsOf(budget.amountMillimes, districts), tallyProposals(proposals), ballots);
}

/**
 * The official result of a budget. The database counts the ballots (votes per proposal, ballots per
 * pool) so memory stays flat however many ballots there are; the published rule then selects the
 * winners (tally.ts), as anyone re-counting the published ballots does. Only mixed ballots are
 * counted; once voting has closed, the ballots still held in the ballot box are mixed first, so
 * every ballot counts.
 */
export async function computeResults(
  db: Db,
  budget: Pick<BudgetRow, "id" | "amountMillimes" | "resultsFrom">,
  now = new Date(),
) {
  await settleBallots(db, budget, now);
  const [districts, proposals, votes, pools, ballots] = await Promise.all([
    listDistricts(db, budget.id),
    listProposals(db, budget.id),
    db.execute(sql`
      select p.code, count(*)::int as n
      from budget_ballot_items i join budget_proposals p on p.id = i.proposal_id
      where p.budget_id = ${budget.id} and p.status = 'accepted'
      group by p.code`),
    db.execute(sql`
      select p.district_id, count(distinct i.ballot_id)::int as n
      from budget_ballot_items i join budget_proposals p on p.id = i.proposal_id
      where p.budget_id = ${budget.id} and p.status = 'accepted'
      group by p.district_id`),
    db.execute(sql`select count(*)::int as n from budget_ballots where budget_id = ${budget.id}`),
  ]);
  const counts: TallyCounts = {
    ballots: Number(rowsOf<{ n: number }>(ballots)[0]?.n ?? 0),
    votes: new Map(rowsOf<{ code: string; n: number }>(votes).map((r) => [r.code, Number(r.n)])),
    poolBallots: new Map(
      rowsOf<{ district_id: string | null; n: number }>(pools).map((r) => [r.district_id, Number(r.n)]),
    ),
  };
  return selectWinners(poolsOf(budget.amountMillimes, districts), tallyProposals(proposals), counts);
}

export async function proposalsByIds(db: Db, budgetId: string, ids: string[]) {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db
    .select()
    .from(budgetProposals)
    .where(and(eq(budgetProposals.budgetId, budgetId), inArray(budgetProposals.id, valid)));
}
