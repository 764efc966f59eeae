import type { Actor } from "../../core/authz/actor.js";
import { hasRole, scopeOf } from "../../core/authz/actor.js";
import type { ideaStatus } from "./tables.js";

export type IdeaStatus = (typeof ideaStatus.enumValues)[number];
export const IDEA_STATUSES = ["under_review", "accepted", "rejected", "in_progress", "implemented"] as const;
/** Statuses that are an official answer: reaching one stops the answer clock. */
export const ANSWERS: readonly IdeaStatus[] = ["accepted", "rejected", "in_progress", "implemented"];

/** When a structure set nothing: 100 supports call for an answer within 30 days. */
export const DEFAULT_THRESHOLD = { supports: 100, answerDays: 30 };
export const THRESHOLD_LIMITS = { supports: [2, 100_000], answerDays: [1, 365] } as const;
/** An overdue answer goes to the central office this many days after its due date. */
export const CENTRAL_OFFICE_AFTER_DAYS = 7;

export const LIMITS = {
  title: { min: 8, max: 150 },
  description: { min: 30, max: 5000 },
  comment: { min: 2, max: 3000 },
  answer: 5000,
  imageBytes: 5 * 1024 * 1024,
};

/** Similar ideas while typing: sharek.js asks from this many characters on (the server looks up nothing shorter)… */
export const SIMILAR_MIN_LENGTH = 4;
/** …again at each pause in typing: generous, yet bounded per address. */
export const SIMILAR_PER_MINUTE = 60;

export const SORTS = ["supported", "newest", "answered"] as const;
export type IdeaSort = (typeof SORTS)[number];

/**
 * Who answers an idea and changes its status: the agents and admins of its structure, or, for an
 * idea addressed to a theme only, the platform admins (the central office).
 */
export function canAnswerIdea(actor: Actor, idea: { structureId: string | null }): boolean {
  if (actor.platformAdmin) return true;
  return idea.structureId !== null && hasRole(actor, idea.structureId, "agent", "structure_admin");
}

/** Who sets a structure's threshold: its admins, or platform admins. */
export function canSetThreshold(actor: Actor, structureId: string): boolean {
  return actor.platformAdmin || hasRole(actor, structureId, "structure_admin");
}

/** Which structures' thresholds the actor sets: every one (platform admins), the ones they run, or none. */
export function thresholdScope(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin");
}
