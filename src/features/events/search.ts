import { sql } from "drizzle-orm";
import type { SearchSource } from "../../core/features/contracts.js";
import { EVENT_SEARCH_TITLE } from "./tables.js";

/** Every event: each has a public page (a cancelled one says so to whoever finds it). */
export const eventsSearch: SearchSource = {
  kind: "events",
  labelKey: "events.search.kind",
  order: 50,
  documents: sql`select events.id::text, '/events/' || events.id, events.title, events.description,
      events.structure_id, events.governorate_code, events.search_vector, ${EVENT_SEARCH_TITLE}, events.updated_at
    from events`,
};
