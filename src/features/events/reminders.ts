import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { JobDefinition } from "../../core/jobs/job.js";
import type { Db } from "../../db/client.js";
import { mailPerson } from "./commands/registrations.js";
import { eventRegistrations, events } from "./tables.js";

/** How long before an event its confirmed participants are reminded. */
export const REMINDER_LEAD_HOURS = 24;
const BATCH = 500;

/**
 * Reminds confirmed participants of events starting within the next day. Each registration is
 * claimed by setting reminded_at (SKIP LOCKED), so two runs at once never remind anyone twice.
 */
export async function sendReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  let total = 0;
  for (;;) {
    const sent = await db.transaction(async (tx) => {
      const due = await tx
        .select({ registration: eventRegistrations, event: events })
        .from(eventRegistrations)
        .innerJoin(events, eq(events.id, eventRegistrations.eventId))
        .where(
          and(
            eq(eventRegistrations.status, "confirmed"),
            isNull(eventRegistrations.remindedAt),
            isNull(events.cancelledAt),
            gt(events.startsAt, now),
            lte(events.startsAt, sql`${now}::timestamptz + make_interval(hours => ${REMINDER_LEAD_HOURS})`),
          ),
        )
        .limit(BATCH)
        .for("update", { of: eventRegistrations, skipLocked: true });
      for (const { registration, event } of due) {
        await tx
          .update(eventRegistrations)
          .set({ remindedAt: now })
          .where(eq(eventRegistrations.id, registration.id));
        await mailPerson(tx, registration.accountId, event, "reminder", { publicUrl });
      }
      return due.length;
    });
    total += sent;
    if (sent < BATCH) return total;
  }
}

export const remindersJob: JobDefinition = {
  name: "events-reminders",
  cron: "*/15 * * * *",
  run: (db, now, env) => sendReminders(db, now, env.publicUrl),
};
