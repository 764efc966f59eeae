import { type Actor, ANONYMOUS } from "./actor.js";

/** Two structures and the signed-in account of the policy tests: A is the actors' own structure. */
export const STRUCTURE_A = "00000000-0000-7000-8000-00000000000a";
export const STRUCTURE_B = "00000000-0000-7000-8000-00000000000b";
export const ME = "00000000-0000-7000-8000-000000000001";

/** The actor `ME` with these powers (none by default: a citizen). */
export const actorOf = (overrides: Partial<Actor>): Actor => ({ ...ANONYMOUS, accountId: ME, ...overrides });

/**
 * One actor per kind of power, for a policy test's table: each staff role in structure A, an admin
 * of structure B, a platform admin, and one who has not enrolled TOTP (who carries no powers yet).
 */
export const POLICY_ACTORS: Record<string, Actor> = {
  anonymous: ANONYMOUS,
  citizen: actorOf({}),
  agent: actorOf({ roles: [{ structureId: STRUCTURE_A, role: "agent" }] }),
  moderator: actorOf({ roles: [{ structureId: STRUCTURE_A, role: "moderator" }] }),
  integrity_officer: actorOf({ roles: [{ structureId: STRUCTURE_A, role: "integrity_officer" }] }),
  structure_admin: actorOf({ roles: [{ structureId: STRUCTURE_A, role: "structure_admin" }] }),
  other_admin: actorOf({ roles: [{ structureId: STRUCTURE_B, role: "structure_admin" }] }),
  platform_admin: actorOf({ platformAdmin: true }),
  locked_admin: actorOf({ platformAdmin: false, roles: [], staffLocked: "enrol" }),
};
