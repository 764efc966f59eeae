import { and, eq, isNull } from "drizzle-orm";
import { notificationPreferences, notifications } from "../../core/notifications/tables.js";
import type { AccountExportPart } from "../../core/personal-data/contracts.js";
import type { Db } from "../../db/client.js";

/**
 * Marks one of a person's notifications read. Returns false when they have no such notification
 * (someone else's reads as not found); marking a read one again changes nothing.
 */
export async function markRead(db: Db, accountId: string, id: string): Promise<boolean> {
  const [found] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)));
  if (!found) return false;
  if (!found.readAt)
    await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)));
  return true;
}

/** Marks every unread notification of a person read; returns how many were. */
export async function markAllRead(db: Db, accountId: string): Promise<number> {
  const done = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return done.length;
}

/** An account being deleted: its notification centre and its choices go with it. */
export async function forgetNotifications(db: Db, accountId: string): Promise<void> {
  await db.delete(notifications).where(eq(notifications.accountId, accountId));
  await db.delete(notificationPreferences).where(eq(notificationPreferences.accountId, accountId));
}

/** A person's notifications for their data export: the kind and values stored, where each led, when read. */
export async function exportNotifications(db: Db, accountId: string): Promise<AccountExportPart[]> {
  const rows = await db
    .select({
      kind: notifications.kind,
      params: notifications.params,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.accountId, accountId))
    .orderBy(notifications.id);
  const preferences = await db
    .select({
      kind: notificationPreferences.kind,
      centre: notificationPreferences.centre,
      email: notificationPreferences.email,
      sms: notificationPreferences.sms,
      frequency: notificationPreferences.frequency,
      updatedAt: notificationPreferences.updatedAt,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.accountId, accountId));
  return [
    { name: "notifications", rows },
    { name: "notification-preferences", rows: preferences },
  ];
}
