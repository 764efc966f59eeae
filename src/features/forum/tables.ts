import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { searchFold, searchVector, searchVectorColumn } from "../../core/search.js";
import { id, ownedBy, requiredRef, timestamps, tstz } from "../../db/columns.js";
import { moderationColumns } from "../moderation/tables.js";

/** Forum categories by theme, managed by platform admins. */
export const forumCategories = pgTable("forum_categories", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: jsonb("name").$type<LocalizedText>().notNull(),
  description: jsonb("description").$type<LocalizedText>().notNull(),
  position: integer("position").notNull().default(0),
  archivedAt: tstz("archived_at"),
  ...timestamps(),
});

/** The portal search's expressions over a thread (its stored search_vector and the GIN indexes). */
export const THREAD_SEARCH_VECTOR = searchVector("forum_threads.title", "forum_threads.body");
export const THREAD_SEARCH_TITLE = searchFold("forum_threads.title");

export const forumThreads = pgTable(
  "forum_threads",
  {
    searchVector: searchVectorColumn(THREAD_SEARCH_VECTOR),
    id: id(),
    categoryId: requiredRef("category_id", () => forumCategories.id),
    authorId: uuid("author_id").references(() => accounts.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    /** Markdown (the safe subset of markdown.ts). */
    body: text("body").notNull(),
    lockedAt: tstz("locked_at"),
    pinnedAt: tstz("pinned_at"),
    replyCount: integer("reply_count").notNull().default(0),
    lastPostAt: tstz("last_post_at").notNull().defaultNow(),
    ...moderationColumns(),
    ...timestamps(),
  },
  (t) => [
    index("forum_threads_category_idx").on(t.categoryId, t.moderationState, t.pinnedAt, t.lastPostAt),
    index("forum_threads_search_idx").using("gin", t.searchVector),
    index("forum_threads_search_title_idx").using("gin", sql`${THREAD_SEARCH_TITLE} gin_trgm_ops`),
  ],
);

export const forumPosts = pgTable(
  "forum_posts",
  {
    id: id(),
    threadId: ownedBy("thread_id", () => forumThreads.id),
    authorId: uuid("author_id").references(() => accounts.id, { onDelete: "set null" }),
    /** The reply it quotes (its text is quoted at render time, so a hidden post stays hidden). */
    quotedPostId: uuid("quoted_post_id"),
    body: text("body").notNull(),
    /** Written by staff as an official answer; may be pinned to the top of the thread. */
    official: boolean("official").notNull().default(false),
    pinnedAt: tstz("pinned_at"),
    ...moderationColumns(),
    ...timestamps(),
  },
  (t) => [
    index("forum_posts_thread_idx").on(t.threadId, t.createdAt),
    index("forum_posts_pinned_idx").on(t.threadId).where(sql`${t.pinnedAt} is not null`),
  ],
);
