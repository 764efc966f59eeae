import { and, eq, isNull, sql } from "drizzle-orm";
import { translator } from "../../core/i18n/catalog.js";
import { isLocale, type LocalizedText, pickLocalized } from "../../core/i18n/localized.js";
import type { JobDefinition } from "../../core/jobs/job.js";
import { enqueueMails, type Mail } from "../../core/mail/outbox.js";
import { type Db, rowsOf } from "../../db/client.js";
import { digestRuns, notices } from "./tables.js";

/** Subscribers handled per transaction: memory and lock time stay bounded, whatever their number. */
export const DIGEST_BATCH = 1000;
/** At most this many news items in one digest; the rest are on the site. */
const ITEMS_PER_DIGEST = 20;

type DigestFrequency = "daily" | "weekly";

/** The period a digest run covers: the day, or the week (Monday to Monday, UTC), that just ended. */
export function digestPeriod(frequency: DigestFrequency, now: Date): { start: Date; end: Date } {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (frequency === "daily") return { start: new Date(day - 86_400_000), end: new Date(day) };
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  const end = day - sinceMonday * 86_400_000;
  return { start: new Date(end - 7 * 86_400_000), end: new Date(end) };
}

interface Item {
  account_id: string;
  email: string;
  locale: string;
  title: LocalizedText;
  path: string;
}

function digestMail(frequency: DigestFrequency, items: Item[], publicUrl: string): Mail {
  const first = items[0]!;
  const locale = isLocale(first.locale) ? first.locale : "ar";
  const t = translator(locale);
  const lines = items.map(
    (i) => `- ${pickLocalized(i.title, locale).text}\n  ${publicUrl}/${locale}${i.path}`,
  );
  return {
    to: first.email,
    subject: t(`subscriptions.mail.${frequency}.subject`, { count: items.length }),
    text: [
      t(`subscriptions.mail.${frequency}.intro`),
      lines.join("\n"),
      `-- \n${t("subscriptions.mail.settings", { url: `${publicUrl}/${locale}/subscriptions` })}`,
    ].join("\n\n"),
  };
}

/**
 * Builds one digest run (a frequency and its period) in batches of subscribers, in account order:
 * each batch reads its subscribers' news in one query and queues its mails in one insert, in one
 * transaction that also moves the run's cursor. A run that stops (a node dies) resumes after the
 * last batch done; a second run at the same time waits on the run's row, then finds it done.
 * Nothing goes through the job queue per subscriber, and the outbox sends at its own pace.
 */
export async function runDigest(
  db: Db,
  frequency: DigestFrequency,
  now: Date,
  publicUrl: string,
  batchSize = DIGEST_BATCH,
): Promise<{ mails: number; batches: number }> {
  const { start, end } = digestPeriod(frequency, now);
  await db.insert(digestRuns).values({ frequency, periodStart: start, periodEnd: end }).onConflictDoNothing();
  let mails = 0;
  let batches = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [run] = await tx
        .select()
        .from(digestRuns)
        .where(and(eq(digestRuns.frequency, frequency), eq(digestRuns.periodEnd, end)))
        .for("update");
      if (!run || run.finishedAt) return true;
      const subscribers = rowsOf<{ account_id: string }>(
        await tx.execute(sql`
          select s.account_id from subscriber_settings s
          where s.email = ${frequency} ${run.cursor ? sql`and s.account_id > ${run.cursor}` : sql``}
          order by s.account_id limit ${batchSize}`),
      );
      if (subscribers.length === 0) {
        await tx.update(digestRuns).set({ finishedAt: now }).where(eq(digestRuns.id, run.id));
        return true;
      }
      const ids = subscribers.map((s) => s.account_id);
      const last = ids[ids.length - 1]!;
      const items = rowsOf<Item>(
        await tx.execute(sql`
          select account_id, email, locale, title, path from (
            select distinct on (sub.account_id, n.id) sub.account_id, a.email, a.locale, n.title, n.path, n.created_at
            from subscriptions sub
            join accounts a on a.id = sub.account_id and a.email is not null and a.deleted_at is null
            join notices n on n.kind = sub.kind and n.target = sub.target
              and n.created_at >= ${start} and n.created_at < ${end}
            where sub.account_id >= ${ids[0]} and sub.account_id <= ${last}
              and sub.account_id is distinct from n.actor_id
              and sub.account_id in (select s.account_id from subscriber_settings s
                where s.email = ${frequency} and s.account_id >= ${ids[0]} and s.account_id <= ${last})
            order by sub.account_id, n.id
          ) x order by account_id, created_at desc`),
      );
      const batchMails: Mail[] = [];
      let current: Item[] = [];
      const flush = () => {
        if (current.length > 0)
          batchMails.push(digestMail(frequency, current.slice(0, ITEMS_PER_DIGEST), publicUrl));
        current = [];
      };
      for (const item of items) {
        if (current.length > 0 && current[0]!.account_id !== item.account_id) flush();
        current.push(item);
      }
      flush();
      await enqueueMails(tx, batchMails);
      await tx
        .update(digestRuns)
        .set({ cursor: last, mails: run.mails + batchMails.length })
        .where(eq(digestRuns.id, run.id));
      mails += batchMails.length;
      batches += 1;
      return false;
    });
    if (done) return { mails, batches };
  }
}

/**
 * Sends news at once to those who chose "instant": each notice not yet sent, its followers in
 * batches, then the notice is marked sent (in the same transaction, so it is sent once).
 */
export async function sendInstantNotices(
  db: Db,
  publicUrl: string,
  batchSize = DIGEST_BATCH,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const more = await db.transaction(async (tx) => {
      const [notice] = await tx
        .select()
        .from(notices)
        .where(isNull(notices.instantSentAt))
        .orderBy(notices.createdAt)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!notice) return false;
      let cursor: string | null = null;
      for (;;) {
        const rows: Item[] = rowsOf<Item>(
          await tx.execute(sql`
            select sub.account_id, a.email, a.locale, ${JSON.stringify(notice.title)}::jsonb as title, ${notice.path} as path
            from subscriptions sub
            join subscriber_settings s on s.account_id = sub.account_id and s.email = 'instant'
            join accounts a on a.id = sub.account_id and a.email is not null and a.deleted_at is null
            where sub.kind = ${notice.kind} and sub.target = ${notice.target}
              ${notice.actorId ? sql`and sub.account_id <> ${notice.actorId}` : sql``}
              ${cursor ? sql`and sub.account_id > ${cursor}` : sql``}
            order by sub.account_id limit ${batchSize}`),
        );
        await enqueueMails(
          tx,
          rows.map((r) => {
            const locale = isLocale(r.locale) ? r.locale : "ar";
            const t = translator(locale);
            const title = pickLocalized(r.title, locale).text;
            return {
              to: r.email,
              subject: t("subscriptions.mail.instant.subject", { title }),
              text: [
                title,
                notice.body ?? "",
                `${publicUrl}/${locale}${r.path}`,
                `-- \n${t("subscriptions.mail.settings", { url: `${publicUrl}/${locale}/subscriptions` })}`,
              ]
                .filter(Boolean)
                .join("\n\n"),
            };
          }),
        );
        sent += rows.length;
        if (rows.length < batchSize) break;
        cursor = rows[rows.length - 1]!.account_id;
      }
      await tx.update(notices).set({ instantSentAt: new Date() }).where(eq(notices.id, notice.id));
      return true;
    });
    if (!more) return sent;
  }
}

export const digestJobs: JobDefinition[] = [
  {
    name: "subscriptions-instant",
    cron: "* * * * *",
    run: (db, _now, env) => sendInstantNotices(db, env.publicUrl),
  },
  {
    name: "subscriptions-daily",
    cron: "10 * * * *",
    run: (db, now, env) => runDigest(db, "daily", now, env.publicUrl),
  },
  {
    name: "subscriptions-weekly",
    cron: "20 * * * *",
    run: (db, now, env) => runDigest(db, "weekly", now, env.publicUrl),
  },
];
