import { and, asc, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import { translator } from "../../../core/i18n/catalog.js";
import { formatDate } from "../../../core/i18n/format.js";
import { DEFAULT_LOCALE, isLocale } from "../../../core/i18n/localized.js";
import type { JobDefinition, JobEnv } from "../../../core/jobs/job.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import {
  loadCentralOffice,
  loadStructureStaff,
  type StaffRecipient,
  structureLeads,
} from "../../cases/jobs/recipients.js";
import { CENTRAL_OFFICE_AFTER_DAYS } from "../rules.js";
import { ideaEvents, ideas } from "../tables.js";

/**
 * The official answer owed to an idea that reached its threshold: when its due date passes without
 * an answer, the structure's leads are alerted (level 1; for an idea addressed to a theme only,
 * the central office); CENTRAL_OFFICE_AFTER_DAYS later, the central office (level 2). As for
 * requests (cases/jobs/deadlines.ts), each step happens once whatever the number of workers: the
 * UPDATE raises the level only where it still is the expected one, and only the rows it returned
 * get their event and mails, in the same transaction.
 */
export const ANSWER_DEADLINES_CRON = "*/15 * * * *";
const BATCH = 200;

export interface AnswerDeadlineRun {
  alerted: number;
  escalated: number;
  mails: number;
}

const STEPS = [
  { level: 1, from: 0, before: (now: Date) => now },
  {
    level: 2,
    from: 1,
    before: (now: Date) => new Date(now.getTime() - CENTRAL_OFFICE_AFTER_DAYS * 86_400_000),
  },
] as const;

export async function runAnswerDeadlines(db: Db, now: Date, env: JobEnv): Promise<AnswerDeadlineRun> {
  const run: AnswerDeadlineRun = { alerted: 0, escalated: 0, mails: 0 };
  for (const step of STEPS) {
    for (;;) {
      const raised = await db.transaction(async (tx) => {
        const eligible = and(
          isNotNull(ideas.answerDueAt),
          isNull(ideas.answeredAt),
          eq(ideas.escalationLevel, step.from),
          lt(ideas.answerDueAt, step.before(now)),
        );
        const candidates = await tx
          .select({ id: ideas.id })
          .from(ideas)
          .where(eligible)
          .orderBy(asc(ideas.answerDueAt))
          .limit(BATCH)
          .for("update", { skipLocked: true });
        if (candidates.length === 0) return [];
        const rows = await tx
          .update(ideas)
          .set({ escalationLevel: step.level })
          .where(
            and(
              inArray(
                ideas.id,
                candidates.map((c) => c.id),
              ),
              eligible,
            ),
          )
          .returning({
            id: ideas.id,
            title: ideas.title,
            structureId: ideas.structureId,
            answerDueAt: ideas.answerDueAt,
          });
        if (rows.length === 0) return [];
        await tx
          .insert(ideaEvents)
          .values(rows.map((r) => ({ ideaId: r.id, kind: "escalated" as const, createdAt: now })));
        const staff = await loadStructureStaff(
          tx,
          rows.flatMap((r) => (r.structureId ? [r.structureId] : [])),
        );
        const central = await loadCentralOffice(tx);
        for (const r of rows) {
          const leads = step.level === 1 && r.structureId ? structureLeads(staff.get(r.structureId)) : [];
          const people = leads.length > 0 ? leads : central.people;
          run.mails += await mailOverdue(tx, env, people, step.level, r);
        }
        return rows;
      });
      run[step.level === 1 ? "alerted" : "escalated"] += raised.length;
      if (raised.length < BATCH) break;
    }
  }
  return run;
}

async function mailOverdue(
  db: Db,
  env: JobEnv,
  people: StaffRecipient[],
  level: 1 | 2,
  idea: { id: string; title: string; answerDueAt: Date | null },
): Promise<number> {
  for (const person of people) {
    const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
    const t = translator(locale);
    const values = {
      title: idea.title,
      date: formatDate(idea.answerDueAt!, locale),
      days: CENTRAL_OFFICE_AFTER_DAYS,
    };
    const kind = level === 1 ? "overdue" : "centralOffice";
    await enqueueMail(db, {
      to: person.email,
      subject: t(`ideas.jobs.${kind}.subject`, values),
      text: [
        t(`ideas.jobs.${kind}.body`, values),
        t("ideas.mail.open", { url: `${env.publicUrl}/${locale}/ideas/${idea.id}` }),
      ].join("\n\n"),
    });
  }
  return people.length;
}

export const answerDeadlinesJob: JobDefinition = {
  name: "ideas-answer-deadlines",
  cron: ANSWER_DEADLINES_CRON,
  run: runAnswerDeadlines,
};
