import { sql } from "drizzle-orm";
import type { SearchSource } from "../../core/features/contracts.js";
import { HELP_SEARCH_TITLE } from "./tables.js";

/** The help centre's guides (each has its page) and questions (answered on the help page). */
export const helpSearch: SearchSource = {
  kind: "help",
  labelKey: "help.search.kind",
  order: 60,
  documents: sql`select help_articles.id::text,
      case when help_articles.kind = 'guide' then '/help/' || help_articles.slug else '/help#faq' end,
      help_articles.title, help_articles.body, null::uuid, null::text,
      help_articles.search_vector, ${HELP_SEARCH_TITLE}, help_articles.updated_at
    from help_articles`,
};
