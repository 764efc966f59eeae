import { and, asc, inArray, lt, sql } from "drizzle-orm";
import type { JobEnv } from "../../../core/jobs/job.js";
import type { Db } from "../../../db/client.js";
import { shiftDay, startOfTunisDay, tunisDay } from "../../calendar/days.js";
import { HEAD_APPEAL } from "../access-law.js";
import { caseEvents, cases } from "../tables.js";
import { notifyCitizen } from "../workspace/notify.js";

/**
 * The body's silence on an access-to-information request (access-law.ts): once its limit (or, on
 * appeal, the head's) has passed with no decision, the law counts the silence as a refusal, and the
 * requester is mailed, once for each deadline, that it does and which appeal routes are open until
 * when. The request stays open: staff can still answer it.
 *
 * Once only, whatever number of workers run: a batch's candidates are locked (SKIP LOCKED), then one
 * UPDATE records the deadline told of where it still differs from the request's deadline, and only
 * the rows it returned get their mail and event, in the same transaction. A new deadline (extension,
 * appeal, transfer) differs from the one told of, so its own silence is told in turn.
 *
 * A silence is told only while the appeal it opens can still be filed (20 days, art. 29 and 30): a
 * request that fell silent long before this job ran is not mailed a route already closed.
 */

/** Same predicate as the partial index cases_access_silence_idx, so candidates come from it. */
const UNTOLD = sql`${cases.type} = 'information' and ${cases.status} in ('new', 'in_progress', 'awaiting_citizen') and ${cases.silenceToldFor} is distinct from ${cases.dueAt}`;

export interface SilenceRun {
  /** Silences recorded. */
  silences: number;
  /** Mails queued to requesters. */
  mails: number;
}

export async function tellAccessSilences(
  db: Db,
  now: Date,
  env: JobEnv,
  batchSize: number,
): Promise<SilenceRun> {
  const since = startOfTunisDay(shiftDay(tunisDay(now), -HEAD_APPEAL.fileWithinDays));
  const silent = and(
    UNTOLD,
    lt(cases.dueAt, now),
    sql`${cases.dueAt} >= ${since.toISOString()}::timestamptz`,
  );
  const run: SilenceRun = { silences: 0, mails: 0 };
  for (;;) {
    const seen = await db.transaction(async (tx) => {
      const candidates = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(silent)
        .orderBy(asc(cases.dueAt), asc(cases.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (candidates.length === 0) return 0;
      const told = await tx
        .update(cases)
        .set({ silenceToldFor: sql`${cases.dueAt}` })
        .where(
          and(
            inArray(
              cases.id,
              candidates.map((c) => c.id),
            ),
            silent,
          ),
        )
        .returning();
      for (const c of told) {
        const mails = await notifyCitizen(tx, env, c, { kind: "silence", at: now });
        await tx.insert(caseEvents).values({
          caseId: c.id,
          kind: "escalated",
          at: now,
          internal: true,
          details: { cause: "silence", to: "requester", dueAt: c.dueAt!.toISOString(), notified: mails },
        });
        run.mails += mails;
      }
      run.silences += told.length;
      return candidates.length;
    });
    if (seen < batchSize) return run;
  }
}
