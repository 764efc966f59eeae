import { and, count, eq, gt, inArray, sql } from "drizzle-orm";
import type { NotificationKind } from "../../../core/notifications/notify.js";
import type { Db } from "../../../db/client.js";
import { OPEN_STATUSES } from "../lifecycle.js";
import { cases } from "../tables.js";
import { type StaffMailRhythm, staffPreferences } from "./tables.js";

/** The notification kind of requests handed to a member of staff (their preferences page's staff part). */
export const ASSIGNMENT_KIND = "request-assigned";

/** How a member of staff hears of requests handed to them: a mail each (the default), or a daily summary. */
export async function findAssignmentMail(db: Db, accountId: string): Promise<StaffMailRhythm> {
  const [row] = await db
    .select({ rhythm: staffPreferences.assignmentMail })
    .from(staffPreferences)
    .where(eq(staffPreferences.accountId, accountId));
  return row?.rhythm ?? "instant";
}

/** A visit to the queue ends after this long without showing it: the next one is a new visit. */
export const QUEUE_VISIT_GAP_MS = 30 * 60 * 1000;

/**
 * Records that the queue was shown to someone now, and answers since when requests count as new
 * for them: the end of their previous visit (null on their first visit, when nothing is "new since
 * the last visit"). Within one visit the answer stays the same, so paging or filtering keeps the
 * markers; a visit ends after QUEUE_VISIT_GAP_MS without a look. One statement.
 */
export async function recordQueueVisit(db: Db, accountId: string, now: Date): Promise<Date | null> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const gapStart = sql`${new Date(now.getTime() - QUEUE_VISIT_GAP_MS).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(staffPreferences)
    .values({ accountId, queueShownAt: now })
    .onConflictDoUpdate({
      target: staffPreferences.accountId,
      set: {
        queueSeenAt: sql`case when ${staffPreferences.queueShownAt} < ${gapStart}
          then ${staffPreferences.queueShownAt} else ${staffPreferences.queueSeenAt} end`,
        queueShownAt: at,
      },
    })
    .returning({ seenAt: staffPreferences.queueSeenAt });
  return row?.seenAt ?? null;
}

/** How many open requests reached a structure's queue (filed, routed or transferred there) after a time. */
export async function countArrivedSince(db: Db, structureId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(cases)
    .where(
      and(
        eq(cases.structureId, structureId),
        inArray(cases.status, [...OPEN_STATUSES]),
        gt(cases.clockStartedAt, since),
      ),
    );
  return row?.n ?? 0;
}

/**
 * The rhythm part of a member of staff's choice for requests handed to them, kept where the
 * assignment and the daily summary read it (staff_preferences.assignment_mail); e-mail off is the
 * notification preferences' own column, which both also read.
 */
export const assignmentRhythm: NonNullable<NotificationKind["stored"]> = {
  async read(db, accountId) {
    return { frequency: await findAssignmentMail(db, accountId) };
  },
  async save(db, accountId, choice) {
    const assignmentMail: StaffMailRhythm = choice.frequency === "daily" ? "daily" : "instant";
    await db
      .insert(staffPreferences)
      .values({ accountId, assignmentMail })
      .onConflictDoUpdate({ target: staffPreferences.accountId, set: { assignmentMail } });
  },
};
