import { index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import { structures } from "../../core/structures/tables.js";
import { id, timestamps, tstz } from "../../db/columns.js";

export const newsletterStatus = pgEnum("newsletter_status", ["draft", "sending", "sent"]);
export const newsletterSegment = pgEnum("newsletter_segment", ["all", "governorate", "theme"]);

/**
 * A newsletter by the platform (no structure) or a structure (to those following it), to
 * opted-in people, all of them or those following a governorate or a theme. Sent in batches.
 */
export const newsletters = pgTable(
  "newsletters",
  {
    id: id(),
    structureId: uuid("structure_id").references(() => structures.id),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    segment: newsletterSegment("segment").notNull(),
    /** The governorate code or theme code of the segment. */
    segmentValue: text("segment_value"),
    status: newsletterStatus("status").notNull().default("draft"),
    /** The last recipient's account id: the next batch starts after it. */
    cursor: uuid("cursor"),
    recipients: integer("recipients").notNull().default(0),
    createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
    sendRequestedAt: tstz("send_requested_at"),
    sentAt: tstz("sent_at"),
    ...timestamps(),
  },
  (t) => [index("newsletters_structure_idx").on(t.structureId, t.createdAt)],
);
