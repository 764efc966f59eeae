import { type Actor, hasRole, scopeOf, structuresWithRole } from "../../core/authz/actor.js";

/**
 * Who may see and change the working-day calendar (public holidays). Default-deny: platform
 * admins (the central office) only. The calendar is national: one structure's holidays are
 * everyone's.
 */
export function canCalendar(actor: Actor, action: "view" | "manage"): boolean {
  if (!actor.accountId) return false;
  return (action === "view" || action === "manage") && actor.platformAdmin;
}

export type DeadlineAction =
  /** Open the deadlines page (national defaults, and the overrides in scope). */
  | "list"
  /** See one policy: a national default (structureId null) or a structure's override. */
  | "view"
  /** Set a national default or a structure's override, or remove an override. */
  | "set";

/**
 * Who may see and change deadline policies. Default-deny:
 * - platform admins: everything;
 * - structure admins: see the national defaults and their own structures' overrides, change nothing.
 *   A deadline binds a structure towards citizens (for information requests, the law sets it), so
 *   the central office sets them, and no structure grants itself more time;
 * - anyone else: nothing.
 */
export function canDeadlines(
  actor: Actor,
  action: DeadlineAction,
  resource: { structureId: string | null } | null = null,
): boolean {
  if (!actor.accountId) return false;
  if (actor.platformAdmin) return action === "list" || action === "view" || action === "set";
  const structureAdmin = structuresWithRole(actor, "structure_admin").length > 0;
  switch (action) {
    case "list":
      return structureAdmin;
    case "view":
      if (!resource) return false;
      return resource.structureId === null
        ? structureAdmin
        : hasRole(actor, resource.structureId, "structure_admin");
    default:
      return false;
  }
}

/** The structures whose overrides an actor sees: every one for platform admins. */
export function deadlineScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin");
}
