import type { FieldError } from "../../core/forms.js";
import { fieldError } from "../../core/forms.js";
import type { BudgetRow, ProposalRow } from "./tables.js";
import type { TallyPool } from "./tally.js";

/** What a ballot spends in each pool, and what is left there. */
export interface PoolSpend {
  districtId: string | null;
  amount: number;
  spent: number;
  left: number;
  count: number;
}

export function spendByPool(
  pools: readonly TallyPool[],
  chosen: readonly Pick<ProposalRow, "districtId" | "costMillimes">[],
): PoolSpend[] {
  return pools.map((pool) => {
    const inPool = chosen.filter((p) => p.districtId === pool.districtId);
    const spent = inPool.reduce((sum, p) => sum + p.costMillimes, 0);
    return {
      districtId: pool.districtId,
      amount: pool.amount,
      spent,
      left: pool.amount - spent,
      count: inPool.length,
    };
  });
}

/**
 * Whether a ballot keeps the budget's rules: at least one project, only projects on the ballot
 * (accepted ones of this budget), and in each pool it touches, no more than the pool's amount
 * (knapsack: at least the minimum share of it too) or no more than N projects (pick N).
 * Returns the first problem as a translated error, or null.
 */
export function ballotProblem(
  budget: Pick<BudgetRow, "rule" | "pickN" | "minSharePercent">,
  pools: readonly TallyPool[],
  requested: readonly string[],
  chosen: readonly Pick<ProposalRow, "id" | "status" | "districtId" | "costMillimes">[],
): FieldError | null {
  if (requested.length === 0) return fieldError("budgets.errors.ballotEmpty");
  const ids = new Set(chosen.filter((p) => p.status === "accepted").map((p) => p.id));
  if (requested.some((id) => !ids.has(id))) return fieldError("budgets.errors.ballotUnknown");
  for (const pool of spendByPool(pools, chosen)) {
    if (pool.count === 0) continue;
    if (budget.rule === "pick_n") {
      if (pool.count > (budget.pickN ?? 0))
        return fieldError("budgets.errors.ballotTooMany", { max: budget.pickN });
      continue;
    }
    if (pool.left < 0) return fieldError("budgets.errors.ballotOverBudget");
    const minimum = Math.ceil((pool.amount * budget.minSharePercent) / 100);
    if (pool.spent < minimum)
      return fieldError("budgets.errors.ballotUnderMinimum", { percent: budget.minSharePercent });
  }
  return null;
}
