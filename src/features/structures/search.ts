import { sql } from "drizzle-orm";
import type { SearchSource } from "../../core/features/contracts.js";
import { STRUCTURE_SEARCH_TEXT } from "../../core/structures/tables.js";

/** The structures still in service, in the directory. */
export const structuresSearch: SearchSource = {
  kind: "structures",
  labelKey: "structures.search.kind",
  order: 70,
  documents: sql`select structures.id::text, '/structures/' || structures.code, structures.name,
      structures.summary, structures.id, structures.governorate_code,
      structures.search_vector, ${STRUCTURE_SEARCH_TEXT}, structures.updated_at
    from structures where structures.retired_at is null`,
};
