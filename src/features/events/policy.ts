import { type Actor, hasRole, scopeOf, structuresWithRole } from "../../core/authz/actor.js";

/**
 * - "create": open the new-event form (any structure the actor administers);
 * - "update": edit or cancel an event;
 * - "attendance": see who registered and mark who came.
 */
export type EventAction = "create" | "update" | "attendance";

/**
 * Who may run events. Default-deny: platform admins run every event; a structure's admins create
 * and edit its events; its agents (and admins) see registrations and mark attendance. The public
 * pages and registering need no permission beyond an account.
 */
export function canEvent(actor: Actor, action: EventAction, event: { structureId: string } | null): boolean {
  if (!actor.accountId) return false;
  if (actor.platformAdmin) return true;
  if (action === "create" && !event) return structuresWithRole(actor, "structure_admin").length > 0;
  if (!event) return false;
  if (action === "attendance") return hasRole(actor, event.structureId, "structure_admin", "agent");
  return hasRole(actor, event.structureId, "structure_admin");
}

/** The structures whose events an actor sees in the admin list. */
export function eventScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin", "agent");
}

/** The structures an actor may organise events for (the new-event form's choices). */
export function organiserScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin");
}
