import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import { translator } from "../../core/i18n/catalog.js";
import { DEFAULT_LOCALE, isLocale } from "../../core/i18n/localized.js";
import { enqueueMail } from "../../core/mail/outbox.js";
import type { Db } from "../../db/client.js";
import { ideaFollows } from "./tables.js";

/**
 * Tells an idea's followers (but not who caused it) what happened to it: one mail each, in their
 * language, through the outbox, inside the caller's transaction. Only status changes and the
 * threshold are sent, never comments: followers asked for news, not for every message.
 */
export async function notifyFollowers(
  db: Db,
  publicUrl: string,
  idea: { id: string; title: string },
  news: { key: "status" | "threshold"; status?: string; body?: string | null },
  exceptAccountId: string | null,
): Promise<number> {
  const people = await db
    .select({ email: accounts.email, locale: accounts.locale })
    .from(ideaFollows)
    .innerJoin(accounts, eq(accounts.id, ideaFollows.accountId))
    .where(
      and(
        eq(ideaFollows.ideaId, idea.id),
        isNull(accounts.deletedAt),
        isNotNull(accounts.email),
        exceptAccountId ? ne(accounts.id, exceptAccountId) : undefined,
      ),
    );
  for (const person of people) {
    const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
    const t = translator(locale);
    const status = news.status ? t(`ideas.status.${news.status}`) : "";
    await enqueueMail(db, {
      to: person.email!,
      subject: t(`ideas.mail.${news.key}.subject`, { title: idea.title, status }),
      text: [
        t(`ideas.mail.${news.key}.body`, { title: idea.title, status }),
        news.body ?? "",
        t("ideas.mail.open", { url: `${publicUrl}/${locale}/ideas/${idea.id}` }),
        `-- \n${t("ideas.mail.why")}`,
      ]
        .filter(Boolean)
        .join("\n\n"),
    });
  }
  return people.length;
}
