import { endOfTunisDay, shiftDay, tunisDay } from "../calendar/days.js";
import type { accessTrack } from "./tables.js";

/**
 * Access to information as Organic Law No. 2016-22 of 24 March 2016 sets it, as data: each time
 * limit with the article that fixes it, the exceptions a refusal may rest on, and the requester's
 * appeal routes. Staff and citizens see the article next to every date the platform computes.
 *
 * How the law counts (and so how the platform counts):
 * - The law says "days", not working days: every limit here is in calendar days. The day the
 *   request (or the appeal) arrives does not count; the limit ends at the end of the last day,
 *   Tunis time. Filed on 27 March 2026, a 20-day request is due at the end of 16 April 2026.
 * - A limit that ends on a weekend or a public holiday is NOT carried to the next working day. The
 *   law provides no such carry-over for the body's time to answer, the body's silence at the end of
 *   the limit is what opens the requester's appeal, and the platform takes requests every day, so
 *   the platform keeps the date the law gives (the body has to answer before a holiday, not after).
 * - The 48-hour track is counted in hours from the moment the request arrives.
 * - Asking the requester a question does not stop the clock (the law provides no suspension).
 */

export type AccessTrack = (typeof accessTrack.enumValues)[number];

/** Each track's limit and the article that sets it. The first is the general rule. */
export const ACCESS_TRACKS: Record<AccessTrack, { days?: number; hours?: number; article: number }> = {
  /** Art. 14: the body answers within 20 days of receiving the request. */
  standard: { days: 20, article: 14 },
  /** Art. 15: within 10 days when the request is to consult the information on the spot. */
  on_site: { days: 10, article: 15 },
  /** Art. 17: within 48 hours when the information is needed to protect a person's life or liberty. */
  life_liberty: { hours: 48, article: 17 },
};
export const ACCESS_TRACK_NAMES = Object.keys(ACCESS_TRACKS) as AccessTrack[];

/** The values a track's text shows: its limit and its article. */
export function trackValues(track: AccessTrack): { days: number; hours: number; article: number } {
  const rule = ACCESS_TRACKS[track];
  return { days: rule.days ?? 0, hours: rule.hours ?? 0, article: rule.article };
}

/**
 * Art. 18: the body may extend the limit once, by 10 days, telling the requester why (many
 * documents, or third parties to consult). Not on the 48-hour track, whose urgency is the point.
 */
export const EXTENSION = { days: 10, article: 18 } as const;

/** Art. 24: the only grounds a refusal (in full or in part) may rest on; it must say which (art. 19). */
export const REFUSAL_GROUNDS = [
  "public_security",
  "national_defence",
  "international_relations",
  "third_party_privacy",
  "personal_data",
  "intellectual_property",
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];
export const REFUSAL_ARTICLE = 24;
/** Art. 19: a refusal is written and reasoned. */
export const REASONED_REFUSAL_ARTICLE = 19;

/**
 * The requester's appeal routes after a refusal or the body's silence, in order: the head of the
 * body (art. 29: within 20 days; the head answers within 10), then the Access to Information
 * Authority, INAI (art. 30: within 20 days; it decides within 45, art. 31), then the
 * administrative court against the INAI's decision.
 */
export const APPEAL_ROUTES = [
  { route: "head", article: 29, fileWithinDays: 20, answerWithinDays: 10 },
  { route: "inai", article: 30, fileWithinDays: 20, answerWithinDays: 45 },
  { route: "court", article: 31 },
] as const;

export type AppealRoute = (typeof APPEAL_ROUTES)[number];

/** The head of the body's time to decide an appeal on an access-to-information request (art. 29). */
export const HEAD_APPEAL = APPEAL_ROUTES[0];

/** The end (Tunis time) of the day `days` calendar days after the day of `from`. */
export function afterCalendarDays(from: Date, days: number): Date {
  return endOfTunisDay(shiftDay(tunisDay(from), days));
}

/** When the body must answer a request received at `receivedAt` on a track (see the header). */
export function accessDueAt(track: AccessTrack, receivedAt: Date): Date {
  const rule = ACCESS_TRACKS[track];
  if (rule.hours) return new Date(receivedAt.getTime() + rule.hours * 3600_000);
  return afterCalendarDays(receivedAt, rule.days!);
}

/** Whether the body may still extend the limit: once, while it runs, never on the 48-hour track. */
export function canExtend(c: { accessTrack: AccessTrack | null; extendedAt: Date | null }): boolean {
  return c.accessTrack !== null && c.accessTrack !== "life_liberty" && c.extendedAt === null;
}

/** The deadline once extended: 10 more calendar days, counted from the end of the current limit. */
export function extendedDueAt(dueAt: Date): Date {
  return afterCalendarDays(dueAt, EXTENSION.days);
}

/**
 * Whether the requester now holds a right of appeal: the body (or, on appeal, its head) refused in
 * full or in part, or kept silent past its limit, which the law counts as a refusal. `routes` are
 * the appeal routes still open: all three after the body's answer, INAI and the court after the
 * head's. Null otherwise, and for requests that are not access-to-information requests.
 */
export function accessRefusal(
  c: {
    type: string;
    status: string;
    outcome: string | null;
    dueAt: Date | null;
    closedAt: Date | null;
    appealLevel: number;
  },
  now: Date,
): { kind: "refused" | "silence"; since: Date; routes: AppealRoute[] } | null {
  if (c.type !== "information") return null;
  const routes = APPEAL_ROUTES.slice(Math.min(c.appealLevel, 1));
  if ((c.outcome === "refused" || c.outcome === "partly_granted") && c.closedAt)
    return { kind: "refused", since: c.closedAt, routes };
  const open = c.status === "new" || c.status === "in_progress" || c.status === "awaiting_citizen";
  if (open && c.dueAt && c.dueAt < now) return { kind: "silence", since: c.dueAt, routes };
  return null;
}
