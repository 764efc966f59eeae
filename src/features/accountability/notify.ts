import { sql } from "drizzle-orm";
import { translator } from "../../core/i18n/catalog.js";
import { isLocale, LOCALES, type LocalizedText, pickLocalized } from "../../core/i18n/localized.js";
import { enqueueMails } from "../../core/mail/outbox.js";
import { type Db, rowsOf } from "../../db/client.js";
import { publishNotice } from "../subscriptions/notices.js";
import type { ResultRow, ResultStatus } from "./tables.js";

export interface UpdateNews {
  status: ResultStatus;
  progress: number;
  body: LocalizedText;
}

/**
 * Tells of an update on a result, inside the transaction that made it:
 * - its followers, through the subscriptions hub (at once or in their digest, as they chose);
 * - the people who commented on the consultation it comes from and do not follow it, by mail at
 *   once: they took part, and this is what became of it. Those who asked for no mail at all
 *   ("never"), deleted accounts and the update's author are left out.
 */
export async function notifyUpdate(
  db: Db,
  result: Pick<ResultRow, "id" | "title" | "origin" | "originId">,
  news: UpdateNews,
  options: { actorId: string | null; publicUrl: string },
): Promise<void> {
  const title: LocalizedText = {};
  for (const locale of LOCALES) {
    const t = translator(locale);
    title[locale] = t("accountability.mail.update.subject", {
      title: pickLocalized(result.title, locale).text,
      status: t(`accountability.status.${news.status}`),
      progress: news.progress,
    });
  }
  const path = `/accountability/${result.id}`;
  await publishNotice(db, {
    kind: "result",
    target: result.id,
    title,
    path,
    body: pickLocalized(news.body, "ar").text || null,
    actorId: options.actorId,
  });
  if (result.origin !== "consultation" || !result.originId) return;
  const people = rowsOf<{ email: string; locale: string }>(
    await db.execute(sql`
      select a.email, a.locale from accounts a
      where a.deleted_at is null and a.email is not null
        and a.id in (select distinct c.author_id from consultation_comments c
                     where c.consultation_id = ${result.originId} and c.author_id is not null)
        ${options.actorId ? sql`and a.id <> ${options.actorId}` : sql``}
        and not exists (select 1 from subscriptions s
                        where s.account_id = a.id and s.kind = 'result' and s.target = ${result.id})
        and not exists (select 1 from subscriber_settings ss
                        where ss.account_id = a.id and ss.email = 'never')`),
  );
  await enqueueMails(
    db,
    people.map((p) => {
      const locale = isLocale(p.locale) ? p.locale : "ar";
      const t = translator(locale);
      return {
        to: p.email,
        subject: title[locale]!,
        text: [
          t("accountability.mail.update.intro"),
          pickLocalized(news.body, locale).text,
          t("accountability.mail.update.progress", {
            status: t(`accountability.status.${news.status}`),
            progress: news.progress,
          }),
          `${options.publicUrl}/${locale}${path}`,
          `-- \n${t("accountability.mail.update.why", { url: `${options.publicUrl}/${locale}/subscriptions` })}`,
        ]
          .filter(Boolean)
          .join("\n\n"),
      };
    }),
  );
}
