import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import { id, ownedBy, timestamps, tstz } from "../../db/columns.js";

/**
 * Where a piece of public text stands. Every moderated table carries these two columns
 * (moderationColumns()): visible to all; held for review (seen by its author and moderators only);
 * hidden by a moderator (a tombstone with the reason stays where it was).
 */
export const moderationState = pgEnum("moderation_state", ["visible", "held", "hidden"]);
export type ModerationState = (typeof moderationState.enumValues)[number];

export const moderationColumns = () => ({
  moderationState: moderationState("moderation_state").notNull().default("visible"),
  /** Why it is held or hidden (shown on the tombstone). */
  moderationReason: text("moderation_reason"),
});

export const flagReason = pgEnum("flag_reason", ["spam", "abuse", "off_topic", "personal_data", "other"]);
export const holdCause = pgEnum("hold_cause", ["link_new_account", "word_list", "burst"]);
export const moderationActionKind = pgEnum("moderation_action_kind", [
  "held",
  "hidden",
  "restored",
  "released",
  "flags_dismissed",
]);

/**
 * One row per moderated item that needs (or needed) a moderator: the queue reads this table alone.
 * `pendingSince` is when it first needed attention since it was last settled (the queue's order).
 */
export const moderationItems = pgTable(
  "moderation_items",
  {
    kind: text("kind").notNull(),
    itemId: uuid("item_id").notNull(),
    authorId: uuid("author_id").references(() => accounts.id, { onDelete: "set null" }),
    openFlags: integer("open_flags").notNull().default(0),
    holdCause: holdCause("hold_cause"),
    pendingSince: tstz("pending_since"),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.itemId] }),
    index("moderation_items_queue_idx").on(t.pendingSince, t.kind).where(sql`${t.pendingSince} is not null`),
  ],
);

/** A flag raised by a signed-in person; settled when a moderator acts on the item. */
export const moderationFlags = pgTable(
  "moderation_flags",
  {
    id: id(),
    kind: text("kind").notNull(),
    itemId: uuid("item_id").notNull(),
    reporterId: uuid("reporter_id").references(() => accounts.id, { onDelete: "set null" }),
    reason: flagReason("reason").notNull(),
    note: text("note"),
    settledAt: tstz("settled_at"),
    ...timestamps(),
  },
  (t) => [
    index("moderation_flags_item_idx").on(t.kind, t.itemId),
    // One open flag per person and item: a double submit or a second flag is the same flag.
    uniqueIndex("moderation_flags_open_unique")
      .on(t.kind, t.itemId, t.reporterId)
      .where(sql`${t.settledAt} is null`),
  ],
);

/** What moderators (or the automatic hold) did to an item, newest last: the item's moderation history. */
export const moderationActions = pgTable(
  "moderation_actions",
  {
    id: id(),
    kind: text("kind").notNull(),
    itemId: uuid("item_id").notNull(),
    action: moderationActionKind("action").notNull(),
    reason: text("reason"),
    moderatorId: uuid("moderator_id").references(() => accounts.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [index("moderation_actions_item_idx").on(t.kind, t.itemId, t.createdAt)],
);

/** An account barred from posting until a time. */
export const accountBlocks = pgTable(
  "account_blocks",
  {
    id: id(),
    accountId: ownedBy("account_id", () => accounts.id),
    until: tstz("until").notNull(),
    reason: text("reason").notNull(),
    blockedBy: uuid("blocked_by").references(() => accounts.id, { onDelete: "set null" }),
    liftedAt: tstz("lifted_at"),
    ...timestamps(),
  },
  (t) => [index("account_blocks_account_idx").on(t.accountId, t.until)],
);

/** Every post of moderated text, for the per-account burst limit (kept a day, pruned by screening). */
export const moderationPostings = pgTable(
  "moderation_postings",
  {
    id: id(),
    accountId: ownedBy("account_id", () => accounts.id),
    kind: text("kind").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("moderation_postings_account_idx").on(t.accountId, t.createdAt)],
);
