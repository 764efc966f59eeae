import { and, desc, eq, lt } from "drizzle-orm";
import { notifications } from "../../core/notifications/tables.js";
import type { Db } from "../../db/client.js";

/** Notifications per page of the list. */
export const PAGE_SIZE = 30;

export type NotificationRow = typeof notifications.$inferSelect;

/**
 * A person's notifications, newest first, a page at a time: those older than `before` (an id of
 * theirs; ids sort by creation time). `more` says whether older ones remain.
 */
export async function listNotifications(
  db: Db,
  accountId: string,
  before?: string,
): Promise<{ items: NotificationRow[]; more: boolean }> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), before ? lt(notifications.id, before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(PAGE_SIZE + 1);
  return { items: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
}
