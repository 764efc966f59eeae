import type { Actor } from "../../core/authz/actor.js";
import { canModerate } from "../moderation/policy.js";

/** Officials who answer in the forum on behalf of a structure: agents, structure admins, platform admins. */
export function canAnswerOfficially(actor: Actor): boolean {
  return actor.platformAdmin || actor.roles.some((r) => r.role === "agent" || r.role === "structure_admin");
}

/** Who locks, pins and moves threads and pins official answers: moderators and platform admins. */
export function canManageThreads(actor: Actor): boolean {
  return canModerate(actor);
}

/** Categories are the platform admins' (the central office's). */
export function canManageCategories(actor: Actor): boolean {
  return actor.platformAdmin;
}

export interface ThreadAbilities {
  reply: boolean;
  answerOfficially: boolean;
  manage: boolean;
}

/** What the actor may do in a thread, computed once for the views. */
export function threadAbilities(actor: Actor, thread: { lockedAt: Date | null }): ThreadAbilities {
  const signedIn = actor.accountId !== null;
  const manage = canManageThreads(actor);
  return {
    reply: signedIn && (!thread.lockedAt || manage),
    answerOfficially: signedIn && canAnswerOfficially(actor),
    manage,
  };
}
