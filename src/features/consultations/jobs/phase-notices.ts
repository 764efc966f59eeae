import { and, eq, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { JobDefinition } from "../../../core/jobs/job.js";
import type { Db } from "../../../db/client.js";
import { type FollowerNews, notifyFollowers } from "../commands/notify.js";
import { consultations } from "../tables.js";

export const PHASE_NOTICES_BATCH = 100;

/**
 * Consultations open and close on their dates, with nobody pressing a button: this job tells their
 * followers. notified_phase records the last phase they were told of ("open", "analysis",
 * "outcome"; the admin's open, close and publish actions set it too), and one guarded UPDATE per
 * consultation moves it on, so each notice goes out once whatever number of workers run; the notice
 * is published through the subscriptions hub in the same transaction (followers get it at once or
 * in their digest, as they chose).
 */
export async function sendPhaseNotices(db: Db, now: Date): Promise<number> {
  const steps: Array<{ phase: "open" | "analysis"; news: FollowerNews; due: SQL }> = [
    {
      phase: "analysis",
      news: "closed",
      due: and(
        lte(consultations.closesAt, now),
        sql`${consultations.notifiedPhase} is distinct from 'analysis'`,
      )!,
    },
    {
      phase: "open",
      news: "opened",
      due: and(
        lte(consultations.opensAt, now),
        sql`${consultations.closesAt} > ${now}`,
        sql`${consultations.notifiedPhase} is distinct from 'open'`,
      )!,
    },
  ];
  let sent = 0;
  for (const step of steps) {
    for (;;) {
      const moved = await db.transaction(async (tx) => {
        const rows = await tx
          .update(consultations)
          .set({ notifiedPhase: step.phase })
          .where(
            sql`${consultations.id} in (select id from ${consultations} where ${and(
              eq(consultations.visibility, "published"),
              isNull(consultations.outcomePublishedAt),
              step.due,
            )} limit ${PHASE_NOTICES_BATCH} for update skip locked)`,
          )
          .returning();
        for (const c of rows) await notifyFollowers(tx, c, step.news);
        return rows.length;
      });
      sent += moved;
      if (moved < PHASE_NOTICES_BATCH) break;
    }
  }
  return sent;
}

/** Every five minutes: phases change at midnight in Tunis, or when an admin acts (who notifies at once). */
export const phaseNoticesJob: JobDefinition = {
  name: "consultations-phases",
  cron: "*/5 * * * *",
  run: (db, now) => sendPhaseNotices(db, now),
};
