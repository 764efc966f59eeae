import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import { translator } from "../../../core/i18n/catalog.js";
import { DEFAULT_LOCALE, isLocale } from "../../../core/i18n/localized.js";
import type { JobDefinition, JobEnv } from "../../../core/jobs/job.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import { notificationPreferences } from "../../../core/notifications/tables.js";
import type { Db } from "../../../db/client.js";
import { OPEN_STATUSES } from "../lifecycle.js";
import { caseEvents, cases, caseTeamMembers } from "../tables.js";
import { ASSIGNMENT_KIND } from "../workspace/preferences.js";
import { staffPreferences } from "../workspace/tables.js";

/** Each morning at 07:00 in Tunis (06:00 UTC), before the working day. */
export const ASSIGNMENT_SUMMARY_CRON = "0 6 * * *";
const DAY_MS = 24 * 3600 * 1000;

/**
 * The daily summary for the members of staff who chose it instead of a mail per request (and did
 * not turn these mails off): the open
 * requests assigned to them since their previous summary (a day, the first time), and those a rule
 * sent unassigned to one of their teams' queues in that time, each with its link. Each person's period is claimed with a guarded UPDATE in the transaction that queues the
 * mail, so two workers running at once never send a summary twice. Nobody gets an empty summary.
 * Returns how many mails were queued.
 */
export async function runAssignmentSummary(db: Db, now: Date, env: JobEnv): Promise<number> {
  const readers = await db
    .select({
      id: accounts.id,
      email: accounts.email,
      locale: accounts.locale,
      until: staffPreferences.summaryUntil,
    })
    .from(staffPreferences)
    .innerJoin(accounts, eq(accounts.id, staffPreferences.accountId))
    .where(
      and(
        eq(staffPreferences.assignmentMail, "daily"),
        // Not for those who turned these mails off on their notification preferences.
        sql`not exists (select 1 from ${notificationPreferences} np where np.account_id = ${accounts.id}
          and np.kind = ${ASSIGNMENT_KIND} and not np.email)`,
        isNull(accounts.deletedAt),
        isNotNull(accounts.email),
      ),
    )
    .orderBy(asc(accounts.id));
  let sent = 0;
  for (const reader of readers) {
    const since = reader.until ?? new Date(now.getTime() - DAY_MS);
    if (since >= now) continue;
    sent += await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(staffPreferences)
        .set({ summaryUntil: now })
        .where(
          and(
            eq(staffPreferences.accountId, reader.id),
            reader.until
              ? eq(staffPreferences.summaryUntil, reader.until)
              : isNull(staffPreferences.summaryUntil),
          ),
        )
        .returning({ id: staffPreferences.accountId });
      if (!claimed) return 0;
      const assigned = await tx
        .select({ id: cases.id, reference: cases.reference })
        .from(cases)
        .where(
          and(
            eq(cases.assigneeId, reader.id),
            inArray(cases.status, [...OPEN_STATUSES]),
            sql`exists (select 1 from ${caseEvents} e where e.case_id = ${cases.id} and e.kind = 'assigned'
              and e.at > ${since.toISOString()}::timestamptz and e.at <= ${now.toISOString()}::timestamptz
              and e.details->>'to' = ${reader.id})`,
          ),
        )
        .orderBy(sql`${cases.dueAt} asc nulls last`, asc(cases.reference));
      // Requests a rule sent to one of their teams in the period, still waiting there unassigned.
      const queued = await tx
        .select({ id: cases.id, reference: cases.reference })
        .from(cases)
        .where(
          and(
            isNull(cases.assigneeId),
            inArray(cases.status, [...OPEN_STATUSES]),
            sql`${cases.teamId} in (select m.team_id from ${caseTeamMembers} m where m.account_id = ${reader.id})`,
            sql`exists (select 1 from ${caseEvents} e where e.case_id = ${cases.id} and e.kind = 'routed'
              and e.at > ${since.toISOString()}::timestamptz and e.at <= ${now.toISOString()}::timestamptz
              and e.details->>'teamId' = ${cases.teamId}::text)`,
          ),
        )
        .orderBy(sql`${cases.dueAt} asc nulls last`, asc(cases.reference));
      if (assigned.length === 0 && queued.length === 0) return 0;
      const locale = isLocale(reader.locale) ? reader.locale : DEFAULT_LOCALE;
      const t = translator(locale);
      const lines = (list: typeof assigned) =>
        list.map((c) => `${c.reference}: ${env.publicUrl}/${locale}/staff/requests/${c.id}`).join("\n");
      await enqueueMail(tx, {
        to: reader.email!,
        subject:
          assigned.length > 0
            ? t("cases.workspace.mail.staff.summary.subject", { count: assigned.length })
            : t("cases.workspace.mail.staff.summary.teamSubject", { count: queued.length }),
        text: [
          ...(assigned.length > 0
            ? [t("cases.workspace.mail.staff.summary.body", { count: assigned.length }), lines(assigned)]
            : []),
          ...(queued.length > 0
            ? [t("cases.workspace.mail.staff.summary.teamBody", { count: queued.length }), lines(queued)]
            : []),
          `-- \n${t("cases.workspace.mail.staff.summary.why", { url: `${env.publicUrl}/${locale}/notifications/preferences` })}`,
        ].join("\n\n"),
      });
      return 1;
    });
  }
  return sent;
}

export const assignmentSummaryJob: JobDefinition = {
  name: "cases-assignment-summary",
  cron: ASSIGNMENT_SUMMARY_CRON,
  run: (db, now, env) => runAssignmentSummary(db, now, env),
};
