import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, tstz } from "../../db/columns.js";

/**
 * pending: waits for its turn (or for a retry); sending: claimed by a node's sender, being
 * submitted; sent: the SMSC accepted every part; delivered / undeliverable: what the delivery
 * receipts said; failed: refused too often, or a later part refused after the first was accepted;
 * unknown: a sender died between submitting and hearing back (or the link dropped after some of
 * its segments were accepted), so it is not sent again, lest the person get it twice; cancelled: the number opted out before it was sent.
 */
export const smsStatus = pgEnum("sms_status", [
  "pending",
  "sending",
  "sent",
  "delivered",
  "undeliverable",
  "failed",
  "unknown",
  "cancelled",
]);

/** Every SMS goes here first, in the same transaction as what caused it; a sender submits it (sender.ts). */
export const smsMessages = pgTable(
  "sms_messages",
  {
    id: id(),
    /** E.164, e.g. +21620123456. */
    toNumber: text("to_number").notNull(),
    body: text("body").notNull(),
    status: smsStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sendAfter: tstz("send_after").notNull().defaultNow(),
    /** When a sender claimed it (status sending): a claim older than the lease is marked unknown. */
    claimedAt: tstz("claimed_at"),
    /** How many segments it went out as. */
    parts: integer("parts"),
    sentAt: tstz("sent_at"),
    deliveredAt: tstz("delivered_at"),
    ...timestamps(),
  },
  (t) => [
    index("sms_pending_idx").on(t.sendAfter).where(sql`${t.status} = 'pending'`),
    index("sms_sending_idx").on(t.claimedAt).where(sql`${t.status} = 'sending'`),
    index("sms_to_number_idx").on(t.toNumber),
  ],
);

/** One segment the SMSC accepted, under the id it gave; its delivery receipt lands here. */
export const smsParts = pgTable(
  "sms_parts",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => smsMessages.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    smscId: text("smsc_id").notNull(),
    /** The receipt's stat: DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED, ACCEPTD, UNKNOWN. */
    receiptStat: text("receipt_stat"),
    receiptError: text("receipt_error"),
    receiptAt: tstz("receipt_at"),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.seq] }), uniqueIndex("sms_parts_smsc_id_idx").on(t.smscId)],
);

/** Numbers that answered STOP: no SMS goes to them any more (START takes them back). */
export const smsOptOuts = pgTable("sms_opt_outs", {
  /** E.164. */
  phone: text("phone").primaryKey(),
  /** The word they sent. */
  keyword: text("keyword").notNull(),
  ...timestamps(),
});
