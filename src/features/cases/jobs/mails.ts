import { translator } from "../../../core/i18n/catalog.js";
import { formatDate } from "../../../core/i18n/format.js";
import { DEFAULT_LOCALE, isLocale, type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import type { JobEnv } from "../../../core/jobs/job.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import type { StaffRecipient } from "./recipients.js";

/**
 * The three deadline mails: a reminder before the deadline (to the assignee, or to the structure
 * when no one holds the request), the overdue alert to the structure, and the escalation to the
 * central office. Texts live in cases.jobs.mail.<kind>.
 */
export type DeadlineMail =
  | { kind: "remindAssignee" }
  | { kind: "remindStructure" }
  | { kind: "overdue" }
  | { kind: "centralOffice"; workingDays: number };

export interface MailedCase {
  id: string;
  reference: string;
  dueAt: Date;
}

/** Queues one mail per recipient, each in their language. Call inside the transaction that raised the level. */
export async function mailDeadline(
  db: Db,
  env: JobEnv,
  people: readonly StaffRecipient[],
  mail: DeadlineMail,
  c: MailedCase,
  structure: LocalizedText,
): Promise<void> {
  for (const person of people) {
    const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
    const t = translator(locale);
    const values = {
      reference: c.reference,
      structure: pickLocalized(structure, locale).text,
      date: formatDate(c.dueAt, locale),
      days: mail.kind === "centralOffice" ? mail.workingDays : 0,
    };
    const why = mail.kind === "centralOffice" ? "central" : "structure";
    await enqueueMail(db, {
      to: person.email,
      subject: t(`cases.jobs.mail.${mail.kind}.subject`, values),
      text: [
        t(`cases.jobs.mail.${mail.kind}.body`, values),
        t("cases.jobs.mail.open", { url: `${env.publicUrl}/${locale}/staff/requests/${c.id}` }),
        `-- \n${t(`cases.jobs.mail.why.${why}`, values)}`,
      ].join("\n\n"),
    });
  }
}
