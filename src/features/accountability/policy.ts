import { type Actor, hasRole, scopeOf, structuresWithRole } from "../../core/authz/actor.js";

/**
 * - "create": open the new-result form, import results (any structure the actor administers);
 * - "edit": change a result's commitment (title, dates, budget, place);
 * - "update": post an update (text, evidence, status, progress);
 * - "plan": create a result of the national action plan (the central office's: platform admins).
 */
export type ResultAction = "create" | "edit" | "update" | "plan";

/**
 * Who keeps results. Default-deny: platform admins keep every result; a structure's admins create
 * and edit its results; its agents and admins post updates on them. Reading and following need
 * nothing beyond, for following, an account.
 */
export function canResult(
  actor: Actor,
  action: ResultAction,
  result: { structureId: string } | null,
): boolean {
  if (!actor.accountId) return false;
  if (actor.platformAdmin) return true;
  if (action === "plan") return false;
  if (action === "create" && !result) return structuresWithRole(actor, "structure_admin").length > 0;
  if (!result) return false;
  if (action === "update") return hasRole(actor, result.structureId, "structure_admin", "agent");
  return hasRole(actor, result.structureId, "structure_admin");
}

/** The structures whose results an actor sees in the admin list. */
export function resultScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin", "agent");
}

/** The structures an actor may create results for. */
export function ownerScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin");
}
