import { type Actor, hasRole, scopeOf } from "../../core/authz/actor.js";

/**
 * - "review": accept, reject or merge a proposal, with a public reason;
 * - "issueCode": give a resident checked at a counter a one-time voting code;
 * - "manage": edit a budget's texts, amount, districts, dates, rule and voting methods.
 * Default-deny: platform admins do all on every budget; a structure's admins review and manage its
 * budgets; its admins and agents issue voting codes (the counter's work).
 */
export type BudgetAction = "review" | "issueCode" | "manage";

export function canBudget(
  actor: Actor,
  action: BudgetAction,
  budget: { structureId: string } | null,
): boolean {
  if (!actor.accountId || !budget) return false;
  if (actor.platformAdmin) return true;
  if (action === "review" || action === "manage")
    return hasRole(actor, budget.structureId, "structure_admin");
  return hasRole(actor, budget.structureId, "structure_admin", "agent");
}

/** The structures whose budgets an actor sees in the admin area. */
export function budgetScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin", "agent");
}

/** The structures an actor may create budgets for: those it administers (platform admins: all). */
export function budgetCreateScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin");
}
