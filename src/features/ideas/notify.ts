import { translator } from "../../core/i18n/catalog.js";
import { LOCALES, type LocalizedText } from "../../core/i18n/localized.js";
import type { Db } from "../../db/client.js";
import { publishNotice } from "../subscriptions/notices.js";

/**
 * Announces what happened to an idea to its followers (but not to who caused it) through the
 * subscriptions hub: each hears of it at once or in their digest, as they chose, in their own
 * language; an instant mail carries the official's text. Only status changes and the threshold
 * are announced, never comments: followers asked for news, not for every message.
 */
export async function notifyFollowers(
  db: Db,
  idea: { id: string; title: string },
  news: { key: "status" | "threshold"; status?: string; body?: string | null },
  exceptAccountId: string | null,
): Promise<void> {
  const title: LocalizedText = {};
  for (const locale of LOCALES) {
    const t = translator(locale);
    const status = news.status ? t(`ideas.status.${news.status}`) : "";
    // Only an idea its author removed has no title: it is named as such.
    const name = idea.title || t("ideas.removed.title");
    title[locale] = t(`ideas.mail.${news.key}.subject`, { title: name, status });
  }
  await publishNotice(db, {
    kind: "idea",
    target: idea.id,
    title,
    path: `/ideas/${idea.id}`,
    body: news.body ?? null,
    actorId: exceptAccountId,
  });
}
