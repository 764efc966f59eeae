import type { staffRole } from "./tables.js";

export type StaffRole = (typeof staffRole.enumValues)[number];
export const STAFF_ROLES = [
  "agent",
  "structure_admin",
  "moderator",
  "integrity_officer",
] as const satisfies readonly StaffRole[];

/**
 * Who is acting, as policies see it. Staff powers (roles, platform admin) count only once the
 * person has enrolled TOTP (`staffLocked: "enrol"` until then). A session that has not yet given
 * its TOTP code acts as nobody (see the auth plugin).
 */
export interface Actor {
  accountId: string | null;
  platformAdmin: boolean;
  roles: ReadonlyArray<{ structureId: string; role: StaffRole }>;
  identityVerified: boolean;
  staffLocked: "enrol" | null;
}

export const ANONYMOUS: Actor = {
  accountId: null,
  platformAdmin: false,
  roles: [],
  identityVerified: false,
  staffLocked: null,
};

export function hasRole(actor: Actor, structureId: string, ...roles: StaffRole[]): boolean {
  return actor.roles.some((r) => r.structureId === structureId && roles.includes(r.role));
}

export function isStaff(actor: Actor): boolean {
  return actor.platformAdmin || actor.roles.length > 0;
}

/** The structures where the actor holds one of these roles. */
export function structuresWithRole(actor: Actor, ...roles: StaffRole[]): string[] {
  return [...new Set(actor.roles.filter((r) => roles.includes(r.role)).map((r) => r.structureId))];
}

/**
 * The structures where the actor acts with one of these roles: every one ("all") for platform
 * admins. Each feature names its own scope with the roles it needs (staffScope, queueScope …).
 */
export function scopeOf(actor: Actor, ...roles: StaffRole[]): "all" | string[] {
  if (actor.platformAdmin) return "all";
  return structuresWithRole(actor, ...roles);
}

/** Whether the actor's scope for these roles holds any structure (platform admins: always). */
export function hasScope(actor: Actor, ...roles: StaffRole[]): boolean {
  return actor.platformAdmin || structuresWithRole(actor, ...roles).length > 0;
}
