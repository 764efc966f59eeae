import { translator } from "../../../core/i18n/catalog.js";
import { LOCALES, type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { publishNotice } from "../../subscriptions/notices.js";
import type { Consultation } from "../queries.js";

export type FollowerNews = "opened" | "closed" | "outcome";

/**
 * Announces to a consultation's followers what changed (it opened, closed, or its outcome is
 * published), through the subscriptions hub: each follower hears of it at once or in their digest,
 * as they chose, in their own language. Call it inside the transaction that made the change.
 */
export async function notifyFollowers(db: Db, c: Consultation, news: FollowerNews): Promise<void> {
  const title: LocalizedText = {};
  for (const locale of LOCALES)
    title[locale] = translator(locale)(`consultations.mail.${news}.subject`, {
      title: pickLocalized(c.title, locale).text,
    });
  await publishNotice(db, { kind: "consultation", target: c.id, title, path: `/consultations/${c.id}` });
}
