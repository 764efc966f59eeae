import { index, integer, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { id, timestamps } from "../../db/columns.js";

export const helpArticleKind = pgEnum("help_article_kind", ["guide", "faq"]);

/** A guide or a question of the help and training centre; bodies are Markdown, one per language. */
export const helpArticles = pgTable(
  "help_articles",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    kind: helpArticleKind("kind").notNull(),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    body: jsonb("body").$type<LocalizedText>().notNull(),
    position: integer("position").notNull().default(0),
    ...timestamps(),
  },
  (t) => [index("help_articles_order_idx").on(t.kind, t.position)],
);
