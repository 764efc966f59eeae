import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { id, timestamps, tstz } from "../../db/columns.js";

export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "failed"]);

/** Every mail goes here first, in the same transaction as what caused it; a worker delivers it. */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sendAfter: tstz("send_after").notNull().defaultNow(),
    sentAt: tstz("sent_at"),
    ...timestamps(),
  },
  (t) => [index("outbox_pending_idx").on(t.sendAfter).where(sql`${t.status} = 'pending'`)],
);
