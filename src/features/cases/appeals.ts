import { afterCalendarDays, HEAD_APPEAL } from "./access-law.js";
import { OPEN_STATUSES } from "./lifecycle.js";

/**
 * Appeals: a citizen unsatisfied with the answer asks for it to be reviewed. The first appeal goes
 * to the head of the structure (its structure admins), the second to the central office (its
 * structure admins, or the platform admins when it has none). Each lands in the reviewers'
 * "appeals" queue with its own deadline, and they are mailed.
 *
 * An access-to-information request follows Organic Law 2016-22 (access-law.ts) instead: one appeal
 * on the platform, to the head of the body, open for 20 days after a refusal or after the body's
 * silence at the end of its limit, decided within 10 days; after that the requester's routes are
 * the Access to Information Authority (INAI) and the administrative court, outside the platform.
 *
 * The deadline of an appeal on any other request is the request type's own deadline (the
 * structure's policy, in working days), counted again from the day of the appeal.
 */

interface AppealSubject {
  type: string;
  status: string;
  appealLevel: number;
  answeredAt: Date | null;
  closedAt: Date | null;
  dueAt: Date | null;
}

/** How many appeals a request may have on the platform. */
export const maxAppealLevel = (type: string) => (type === "information" ? 1 : 2);

/**
 * The appeal the citizen may make now, and until when; null when none. After an answer (or a
 * closing), within the window of `windowDays` days (the platform setting); for an access-to-information request, also when the body let its
 * limit pass in silence.
 */
export function appealWindow(
  c: AppealSubject,
  now: Date,
  windowDays: number,
): { level: number; until: Date } | null {
  if (c.appealLevel >= maxAppealLevel(c.type)) return null;
  const open = (OPEN_STATUSES as readonly string[]).includes(c.status);
  const information = c.type === "information";
  let from: Date | null = null;
  if (!open) from = c.answeredAt ?? c.closedAt;
  else if (information && c.appealLevel === 0 && c.dueAt && c.dueAt < now) from = c.dueAt;
  if (!from) return null;
  const until = information
    ? afterCalendarDays(from, HEAD_APPEAL.fileWithinDays)
    : new Date(from.getTime() + windowDays * 24 * 3600 * 1000);
  return until < now ? null : { level: c.appealLevel + 1, until };
}

/** The appeal's own deadline for access-to-information requests: the head's 10 days (art. 29). */
export const headAppealDueAt = (from: Date) => afterCalendarDays(from, HEAD_APPEAL.answerWithinDays);

/** Whether an appeal is under review now (made, and not yet decided). */
export const appealOpen = (c: { appealLevel: number; status: string }) =>
  c.appealLevel > 0 && (OPEN_STATUSES as readonly string[]).includes(c.status);
