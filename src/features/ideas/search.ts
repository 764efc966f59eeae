import { sql } from "drizzle-orm";
import type { SearchSource } from "../../core/features/contracts.js";
import { IDEA_SEARCH_TITLE } from "./tables.js";

/** Ideas anyone may read: visible (not held or hidden by moderation), not removed by their author. */
export const ideasSearch: SearchSource = {
  kind: "ideas",
  labelKey: "ideas.search.kind",
  order: 30,
  documents: sql`select ideas.id::text, '/ideas/' || ideas.id, to_jsonb(ideas.title), to_jsonb(ideas.description),
      ideas.structure_id, ideas.governorate_code, ideas.search_vector, ${IDEA_SEARCH_TITLE}, ideas.updated_at
    from ideas where ideas.moderation_state = 'visible' and ideas.removed_at is null`,
};
