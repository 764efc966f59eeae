import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { structures } from "../../core/structures/tables.js";
import { rowsOf } from "../../db/client.js";
import { type Dataset, decodeCursor, encodeCursor } from "../open-data/dataset.js";
import { settleClosedBudgets } from "./ballot-box.js";
import { computeResults, listDistricts, listProposals } from "./queries.js";
import { budgets } from "./tables.js";

/** Budgets whose voting has closed: only their ballots and results are published. */
const CLOSED = sql`b.results_from <= now()`;

/**
 * The anonymised ballots of every budget whose voting has closed, as /budgets/:id/ballots.json
 * publishes them: the budget's code, the ballot's receipt hash (a voter finds their ballot by
 * hashing their receipt code) and the codes of the proposals it holds, space-separated, in order.
 * Nothing else: no time, no account, no voting method. Anyone can re-count the results from it.
 */
export const budgetBallotsDataset: Dataset = {
  id: "budget-ballots",
  columns: {
    budget_code: "string",
    receipt_hash: "string",
    proposal_codes: "string",
  },
  frequency: "CONT",
  theme: "ECON",
  async page({ db }, cursor, limit) {
    // Only mixed ballots are published: a closed budget's ballots still in the box are mixed first.
    await settleClosedBudgets(db);
    const position = decodeCursor(cursor, ["code", "code"]);
    const after = position ? sql`and (b.code, bb.receipt_hash) > (${position[0]}, ${position[1]})` : sql``;
    const rows = rowsOf<{ budget_code: string; receipt_hash: string; proposal_codes: string }>(
      await db.execute(sql`
        select b.code as budget_code, bb.receipt_hash,
          coalesce(string_agg(p.code, ' ' order by p.code), '') as proposal_codes
        from budget_ballots bb
        join budgets b on b.id = bb.budget_id
        left join budget_ballot_items i on i.ballot_id = bb.id
        left join budget_proposals p on p.id = i.proposal_id
        where ${CLOSED} ${after}
        group by b.code, bb.receipt_hash
        order by b.code, bb.receipt_hash
        limit ${limit + 1}`),
    );
    const more = rows.length > limit;
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      rows: shown,
      next: more && last ? encodeCursor([last.budget_code, last.receipt_hash]) : null,
    };
  },
  async count(db) {
    await settleClosedBudgets(db);
    const [row] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from budget_ballots bb join budgets b on b.id = bb.budget_id where ${CLOSED}`,
      ),
    );
    return Number(row?.n ?? 0);
  },
  async modified(db) {
    // Ballots carry no time: the data changes when a budget's voting closes.
    const [row] = rowsOf<{ at: string | null }>(
      await db.execute(sql`select max(b.results_from) as at from budgets b where ${CLOSED}`),
    );
    return row?.at ? new Date(row.at) : null;
  },
};

/**
 * The results of every budget whose voting has closed: each proposal that was on the ballot, with
 * its pool (district or city-wide) and that pool's amount, its cost, votes, rank in its pool and
 * whether it was selected, by the published rule (tally.ts). Pages hold whole budgets (`limit`
 * counts budgets), so a budget's rows are never split.
 */
export const budgetResultsDataset: Dataset = {
  id: "budget-results",
  columns: {
    budget_code: "string",
    structure_code: "string",
    proposal_code: "string",
    title_ar: "string?",
    title_fr: "string?",
    title_en: "string?",
    district_code: "string?",
    pool_amount_tnd: "number?",
    cost_tnd: "number?",
    votes: "integer",
    rank: "integer",
    selected: "boolean",
  },
  frequency: "CONT",
  theme: "ECON",
  async page({ db }, cursor, limit) {
    const position = decodeCursor(cursor, ["code"]);
    const chosen = await db
      .select({ budget: budgets, structureCode: structures.code })
      .from(budgets)
      .innerJoin(structures, eq(structures.id, budgets.structureId))
      .where(and(lte(budgets.resultsFrom, sql`now()`), position ? gt(budgets.code, position[0]) : undefined))
      .orderBy(asc(budgets.code))
      .limit(limit + 1);
    const more = chosen.length > limit;
    const shown = chosen.slice(0, limit);
    const rows = [];
    for (const { budget, structureCode } of shown) {
      const [result, proposals, districts] = await Promise.all([
        computeResults(db, budget),
        listProposals(db, budget.id),
        listDistricts(db, budget.id),
      ]);
      const byId = new Map(proposals.map((p) => [p.id, p]));
      for (const pool of result.pools) {
        const district = districts.find((d) => d.id === pool.districtId);
        for (const line of pool.lines) {
          // A proposal moderation hid after it reached the ballot keeps its line, without its words.
          const proposal = byId.get(line.id);
          const title: LocalizedText = proposal?.moderationState === "hidden" ? {} : (proposal?.title ?? {});
          rows.push({
            budget_code: budget.code,
            structure_code: structureCode,
            proposal_code: line.code,
            title_ar: title.ar ?? null,
            title_fr: title.fr ?? null,
            title_en: title.en ?? null,
            district_code: district?.code ?? null,
            pool_amount_tnd: pool.amount / 1000,
            cost_tnd: line.cost / 1000,
            votes: line.votes,
            rank: line.rank,
            selected: line.selected,
          });
        }
      }
    }
    const last = shown.at(-1);
    return { rows, next: more && last ? encodeCursor([last.budget.code]) : null };
  },
  async count(db) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from budget_proposals p
        join budgets b on b.id = p.budget_id where ${CLOSED} and p.status = 'accepted'`),
    );
    return Number(row?.n ?? 0);
  },
  async modified(db) {
    const [row] = rowsOf<{ at: string | null }>(
      await db.execute(sql`select max(b.results_from) as at from budgets b where ${CLOSED}`),
    );
    return row?.at ? new Date(row.at) : null;
  },
};
