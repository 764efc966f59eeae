import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { id, ownedBy, timestamps, tstz } from "../../db/columns.js";
import { accounts } from "../auth/tables.js";
import type { NotificationFrequency, NotificationParams } from "./notify.js";

/**
 * A person's notification centre: one row per thing they were told (a reply to their request, news
 * of what they follow, a moderation decision). Stored as a kind and its params, never as text, so
 * it reads in the reader's language at view time. Deleted with the account, and after the
 * notifications feature's retention period.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    accountId: ownedBy("account_id", () => accounts.id),
    /** A kind a manifest declares (`notificationKinds`), such as "request-update". */
    kind: text("kind").notNull(),
    params: jsonb("params").$type<NotificationParams>().notNull().default(sql`'{}'::jsonb`),
    /** Locale-relative path of what it is about ("/requests/…"). */
    link: text("link").notNull(),
    readAt: tstz("read_at"),
    ...timestamps(),
  },
  (t) => [
    index("notifications_account_idx").on(t.accountId, t.createdAt),
    index("notifications_unread_idx").on(t.accountId).where(sql`${t.readAt} is null`),
    index("notifications_created_idx").on(t.createdAt),
  ],
);

/**
 * A person's choice, for one kind of notification (a manifest's `notificationKinds` id), of its
 * channels and rhythm. No row: the kind's defaults.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    accountId: ownedBy("account_id", () => accounts.id),
    kind: text("kind").notNull(),
    centre: boolean("centre").notNull(),
    email: boolean("email").notNull(),
    sms: boolean("sms").notNull(),
    frequency: text("frequency").$type<NotificationFrequency>().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.kind] }),
    check("notification_preferences_frequency", sql`${t.frequency} in ('instant', 'daily', 'weekly')`),
  ],
);
