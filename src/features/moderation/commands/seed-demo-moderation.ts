import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { moderationActions, moderationFlags, moderationItems } from "../tables.js";
import type { FlagReason } from "./moderate.js";

interface DemoItem {
  kind: string;
  itemId: string;
  authorId: string | null;
}

/** Demo content: the history line of an item a moderator hid (the item's own row says it is hidden). */
export async function seedDemoHidden(db: Db, item: DemoItem, reason: string, moderatorId: string | null) {
  await db
    .insert(moderationActions)
    .values({ kind: item.kind, itemId: item.itemId, action: "hidden", reason, moderatorId });
}

/** Demo content: open flags on an item, waiting in the moderators' queue since `daysAgo`. */
export async function seedDemoFlags(
  db: Db,
  item: DemoItem,
  flags: Array<{ reporterId: string; reason: FlagReason; note?: string }>,
  daysAgo: number,
) {
  await db.insert(moderationFlags).values(flags.map((f) => ({ kind: item.kind, itemId: item.itemId, ...f })));
  await db.insert(moderationItems).values({
    ...item,
    openFlags: flags.length,
    pendingSince: sql`now() - make_interval(days => ${daysAgo})`,
  });
}
