import { and, eq, isNull } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import { translator } from "../../../core/i18n/catalog.js";
import { isLocale, pickLocalized } from "../../../core/i18n/localized.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import type { Consultation } from "../queries.js";
import { consultationFollowers } from "../tables.js";

export type FollowerNews = "opened" | "closed" | "outcome";

/**
 * Tells every follower of a consultation what changed (it opened, closed, or its outcome is
 * published), each in their own language, through the outbox. Call it inside the transaction
 * that made the change.
 */
export async function notifyFollowers(db: Db, c: Consultation, news: FollowerNews, publicUrl: string) {
  const followers = await db
    .select({ email: accounts.email, locale: accounts.locale })
    .from(consultationFollowers)
    .innerJoin(accounts, eq(accounts.id, consultationFollowers.accountId))
    .where(and(eq(consultationFollowers.consultationId, c.id), isNull(accounts.deletedAt)));
  for (const f of followers) {
    if (!f.email) continue;
    const locale = isLocale(f.locale) ? f.locale : "ar";
    const t = translator(locale);
    const title = pickLocalized(c.title, locale).text;
    await enqueueMail(db, {
      to: f.email,
      subject: t(`consultations.mail.${news}.subject`, { title }),
      text: t(`consultations.mail.${news}.body`, {
        title,
        url: `${publicUrl}/${locale}/consultations/${c.id}`,
      }),
    });
  }
}
