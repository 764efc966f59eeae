import type { Actor } from "../../core/authz/actor.js";

/**
 * Moderation is platform-wide: a person holding the moderator role (in any structure) or a platform
 * admin keeps all public text civil. Nothing here reaches integrity reports, which are not public
 * text and never registered as a moderated kind.
 */
export function canModerate(actor: Actor): boolean {
  return actor.platformAdmin || actor.roles.some((r) => r.role === "moderator");
}

/** Signed-in people may flag; staff powers are not needed. */
export function canFlag(actor: Actor): boolean {
  return actor.accountId !== null;
}

/** How an item shows to this actor: as is, as its author's pending item, as a tombstone, or not at all. */
export type Presence = "shown" | "held" | "tombstone" | "absent";

export function presence(
  actor: Actor,
  item: { state: "visible" | "held" | "hidden"; authorId: string | null },
): Presence {
  if (item.state === "visible") return "shown";
  if (item.state === "hidden") return "tombstone";
  const own = actor.accountId !== null && actor.accountId === item.authorId;
  return own || canModerate(actor) ? "held" : "absent";
}
