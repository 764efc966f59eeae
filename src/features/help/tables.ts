import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { allLanguages, searchFold, searchVector, searchVectorColumn } from "../../core/search.js";
import { id, timestamps } from "../../db/columns.js";

export const helpArticleKind = pgEnum("help_article_kind", ["guide", "faq"]);

/** The portal search's expressions over an article (its stored search_vector and the GIN indexes). */
export const HELP_SEARCH_VECTOR = searchVector(
  allLanguages("help_articles.title"),
  allLanguages("help_articles.body"),
);
export const HELP_SEARCH_TITLE = searchFold(allLanguages("help_articles.title"));

/** A guide or a question of the help and training centre; bodies are Markdown, one per language. */
export const helpArticles = pgTable(
  "help_articles",
  {
    searchVector: searchVectorColumn(HELP_SEARCH_VECTOR),
    id: id(),
    slug: text("slug").notNull().unique(),
    kind: helpArticleKind("kind").notNull(),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    body: jsonb("body").$type<LocalizedText>().notNull(),
    position: integer("position").notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index("help_articles_order_idx").on(t.kind, t.position),
    index("help_articles_search_idx").using("gin", t.searchVector),
    index("help_articles_search_title_idx").using("gin", sql`${HELP_SEARCH_TITLE} gin_trgm_ops`),
  ],
);
