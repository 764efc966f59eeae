import { inArray } from "drizzle-orm";
import type { ActingContext } from "../../../core/audit/record.js";
import type { Db } from "../../../db/client.js";
import { insertResult } from "../../accountability/commands/save-result.js";
import { results } from "../../accountability/tables.js";
import { toDecimalDinars } from "../money.js";
import { phaseOf, resultsOut } from "../phase.js";
import { canBudget } from "../policy.js";
import { computeResults, listProposals } from "../queries.js";
import type { BudgetRow } from "../tables.js";

/** The accountability code of a winning project: "<budget code>-<proposal code>", lower case. */
export const resultCode = (budgetCode: string, proposalCode: string) =>
  `${budgetCode}-${proposalCode}`.toLowerCase();

/**
 * Once voting has closed, the selected projects become results in accountability, with their cost
 * as the planned budget and the implementation phase's start as their start, so their delivery is
 * followed there; each result's origin is its proposal. Runs again without duplicates (a project already published is skipped). Returns
 * how many results it created.
 */
export async function publishWinners(
  db: Db,
  ctx: ActingContext,
  budget: BudgetRow,
  now = new Date(),
): Promise<number | null> {
  if (!canBudget(ctx.actor, "review", budget)) throw new Error("publishWinners: not allowed");
  if (!resultsOut(phaseOf(budget, now))) return null;
  const [tally, proposals] = await Promise.all([computeResults(db, budget), listProposals(db, budget.id)]);
  const selected = new Set(tally.pools.flatMap((p) => p.lines.filter((l) => l.selected).map((l) => l.id)));
  const winners = proposals.filter((p) => selected.has(p.id));
  if (winners.length === 0) return 0;
  const codes = winners.map((p) => resultCode(budget.code, p.code));
  const existing = new Set(
    (await db.select({ code: results.code }).from(results).where(inArray(results.code, codes))).map(
      (r) => r.code,
    ),
  );
  let created = 0;
  await db.transaction(async (tx) => {
    for (const p of winners) {
      const code = resultCode(budget.code, p.code);
      if (existing.has(code)) continue;
      await insertResult(
        tx,
        {
          code,
          structureId: budget.structureId,
          parentId: null,
          title: p.title,
          description: p.description,
          governorateCode: null,
          municipalityId: null,
          themeCode: null,
          startsOn: budget.implementationFrom.toISOString().slice(0, 10),
          endsOn: null,
          weight: 1,
          budgetPlanned: toDecimalDinars(p.costMillimes),
          budgetSpent: null,
          status: "planned",
          progress: 0,
          dropReason: null,
        },
        { origin: "budget", originId: p.id, originSectionId: null },
        ctx,
      );
      created++;
    }
  });
  return created;
}
