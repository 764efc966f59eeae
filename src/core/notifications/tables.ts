import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { id, ownedBy, timestamps, tstz } from "../../db/columns.js";
import { accounts } from "../auth/tables.js";
import type { NotificationParams } from "./notify.js";

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
