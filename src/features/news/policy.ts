import { type Actor, hasRole, hasScope, scopeOf } from "../../core/authz/actor.js";

/**
 * Who may write news. Default-deny: platform admins write every structure's news (the central
 * office's too); a structure's admins and agents create, edit, publish, unpublish and pin its own.
 * Reading published news needs no permission; a draft is seen only by those who may edit it.
 */
export function canManageNews(actor: Actor, item: { structureId: string } | null): boolean {
  if (!actor.accountId) return false;
  if (!item) return hasScope(actor, "structure_admin", "agent");
  return actor.platformAdmin || hasRole(actor, item.structureId, "structure_admin", "agent");
}

/** The structures whose news an actor writes (the admin list, the form's choices). */
export function newsScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin", "agent");
}
