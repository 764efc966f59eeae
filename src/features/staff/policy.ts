import { type Actor, hasRole, type StaffRole, scopeOf } from "../../core/authz/actor.js";

export type StaffAction = "list" | "invite" | "revoke";

/** A structure's staff, or one membership in it. */
export interface StaffResource {
  structureId: string;
  /** The role granted or revoked (for "invite" and "revoke"). */
  role?: StaffRole;
  /** Whose membership it is (for "revoke"). */
  accountId?: string;
}

/**
 * Who may see and change a structure's staff. Default-deny:
 * - platform admins: every structure and role;
 * - structure admins: their own structures, every role except integrity officer: integrity officers
 *   alone read the corruption reports addressed to a structure, possibly about its own managers, so
 *   only the central office appoints or removes them;
 * - nobody revokes their own membership (another admin must), so no one locks a structure out by mistake.
 */
export function canStaff(actor: Actor, action: StaffAction, resource: StaffResource): boolean {
  if (!actor.accountId) return false;
  if (action === "revoke" && (!resource.accountId || resource.accountId === actor.accountId)) return false;
  if ((action === "invite" || action === "revoke") && !resource.role) return false;
  if (actor.platformAdmin) return true;
  if (!hasRole(actor, resource.structureId, "structure_admin")) return false;
  switch (action) {
    case "list":
      return true;
    case "invite":
    case "revoke":
      return resource.role !== "integrity_officer";
    default:
      return false;
  }
}

export type PlatformAdminAction = "list" | "grant" | "revoke";

/** Only platform admins see and change who else is one; none may remove themselves (so one always remains). */
export function canPlatformAdmins(
  actor: Actor,
  action: PlatformAdminAction,
  resource: { accountId?: string } = {},
): boolean {
  if (!actor.accountId || !actor.platformAdmin) return false;
  if (action === "revoke") return Boolean(resource.accountId) && resource.accountId !== actor.accountId;
  return action === "list" || action === "grant";
}

/** The structures whose staff an actor manages: every one for platform admins. */
export function staffScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin");
}

/** The roles an actor may grant in a structure, in display order. */
export function grantableRoles(actor: Actor, structureId: string): StaffRole[] {
  const roles: StaffRole[] = ["agent", "moderator", "structure_admin", "integrity_officer"];
  return roles.filter((role) => canStaff(actor, "invite", { structureId, role }));
}
