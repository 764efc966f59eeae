import type { LocalizedText } from "../../core/i18n/localized.js";
import type { Db } from "../../db/client.js";
import { notices } from "./tables.js";

/**
 * Announces news about something people may follow (kind + target, as in FOLLOWABLE), in the
 * transaction that made it. Followers get it at once or in their digest, as they chose.
 */
export async function publishNotice(
  db: Db,
  notice: { kind: string; target: string; title: LocalizedText; path: string },
): Promise<void> {
  await db.insert(notices).values(notice);
}
