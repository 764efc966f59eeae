import { sql } from "drizzle-orm";
import type { SearchSource } from "../../core/features/contracts.js";
import { CONSULTATION_SEARCH_TEXT, SECTION_SEARCH_TITLE } from "./tables.js";

/** Published consultations (a draft is its structure's business). */
export const consultationsSearch: SearchSource = {
  kind: "consultations",
  labelKey: "consultations.search.kind",
  order: 10,
  documents: sql`select consultations.id::text, '/consultations/' || consultations.id, consultations.title,
      consultations.summary, consultations.structure_id, consultations.governorate_code,
      consultations.search_vector, ${CONSULTATION_SEARCH_TEXT}, consultations.updated_at
    from consultations where consultations.visibility = 'published'`,
};

/** The sections of the published consultations' draft texts. */
export const sectionsSearch: SearchSource = {
  kind: "sections",
  labelKey: "consultations.search.sections",
  order: 20,
  documents: sql`select consultation_sections.id::text,
      '/consultations/' || consultations.id || '/sections/' || consultation_sections.id,
      consultation_sections.title, consultation_sections.body, consultations.structure_id,
      consultations.governorate_code, consultation_sections.search_vector, ${SECTION_SEARCH_TITLE},
      consultation_sections.updated_at
    from consultation_sections join consultations on consultations.id = consultation_sections.consultation_id
    where consultations.visibility = 'published'`,
};
