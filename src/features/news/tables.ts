import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import { allLanguages, searchFold, searchVector, searchVectorColumn } from "../../core/search.js";
import { structures } from "../../core/structures/tables.js";
import { id, localizedText, optionalRef, requiredRef, timestamps, tstz } from "../../db/columns.js";

export const newsCategory = pgEnum("news_category", [
  "consultation_opened",
  "results_published",
  "training",
  "information_day",
]);

/** The portal search's expressions over a news item (its stored search_vector and the GIN indexes). */
export const NEWS_SEARCH_VECTOR = searchVector(
  allLanguages("news_items.title"),
  `${allLanguages("news_items.summary")} || ' ' || ${allLanguages("news_items.body")}`,
);
export const NEWS_SEARCH_TITLE = searchFold(allLanguages("news_items.title"));

/**
 * An announcement by a structure (the central office is one): a draft until published; a pinned
 * one shows on the home page. Its image, re-encoded without metadata, lives in the file store.
 */
export const newsItems = pgTable(
  "news_items",
  {
    searchVector: searchVectorColumn(NEWS_SEARCH_VECTOR),
    id: id(),
    structureId: requiredRef("structure_id", () => structures.id),
    category: newsCategory("category").notNull(),
    title: localizedText("title"),
    summary: localizedText("summary").default(sql`'{}'::jsonb`),
    body: localizedText("body").default(sql`'{}'::jsonb`),
    imageKey: text("image_key"),
    imageMime: text("image_mime"),
    /** What the image shows, for those who cannot see it: required with an image. */
    imageAlt: localizedText("image_alt").default(sql`'{}'::jsonb`),
    published: boolean("published").notNull().default(false),
    /** When it was first published (kept when unpublished): its followers were told then. */
    publishedAt: tstz("published_at"),
    pinned: boolean("pinned").notNull().default(false),
    createdBy: optionalRef("created_by", () => accounts.id, "set null"),
    ...timestamps(),
  },
  (t) => [
    index("news_items_published_idx").on(t.published, t.publishedAt),
    index("news_items_structure_idx").on(t.structureId, t.publishedAt),
    index("news_items_search_idx").using("gin", t.searchVector),
    index("news_items_search_title_idx").using("gin", sql`${NEWS_SEARCH_TITLE} gin_trgm_ops`),
  ],
);
