import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps, tstz } from "../../db/columns.js";
import type { LocalizedText } from "../i18n/localized.js";
import { allLanguages, foldAccents, searchVector, searchVectorColumn } from "../search.js";

/*
 * The tree of public structures (ministries, governorates, municipalities …) that staff roles and
 * every scope are written in: core owns it so that memberships can reference it. The structures
 * feature owns its pages, commands and categories.
 */

export const structureKind = pgEnum("structure_kind", [
  "presidency",
  "central_office",
  "ministry",
  "regional_directorate",
  "governorate",
  "municipality",
  "independent_body",
]);

/**
 * The text the directory search matches: the names in ar/fr/en, Arabic-normalised, lower-cased and
 * without French accents (normalize_arabic() comes with migration 0000). Queries must use this exact expression so the
 * trigram index serves them.
 */
export const STRUCTURE_SEARCH_TEXT = sql.raw(
  `(${foldAccents(`normalize_arabic(coalesce(name->>'ar', '') || ' ' || coalesce(name->>'fr', '') || ' ' || coalesce(name->>'en', ''))`)})`,
);

/** The portal search's full-text expression over a structure (its stored search_vector). */
export const STRUCTURE_SEARCH_VECTOR = searchVector(
  allLanguages("structures.name"),
  allLanguages("structures.summary"),
);

export const governorates = pgTable("governorates", {
  code: text("code").primaryKey(),
  name: jsonb("name").$type<LocalizedText>().notNull(),
  position: integer("position").notNull(),
});

export interface StructureContact {
  website?: string;
  email?: string;
  phone?: string;
  address?: LocalizedText;
}

export const structures = pgTable(
  "structures",
  {
    searchVector: searchVectorColumn(STRUCTURE_SEARCH_VECTOR),
    id: id(),
    code: text("code").notNull().unique(),
    kind: structureKind("kind").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => structures.id),
    governorateCode: text("governorate_code").references(() => governorates.code),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    summary: jsonb("summary").$type<LocalizedText>().notNull(),
    contact: jsonb("contact").$type<StructureContact>().notNull().default(sql`'{}'::jsonb`),
    retiredAt: tstz("retired_at"),
    /** Why it was retired (shown to admins only). */
    retiredReason: text("retired_reason"),
    ...timestamps(),
  },
  (t) => [
    index("structures_parent_idx").on(t.parentId),
    index("structures_governorate_idx").on(t.governorateCode),
    // Directory search: trigram matching on the Arabic-normalised names in all three languages.
    index("structures_search_idx").using("gin", sql`${STRUCTURE_SEARCH_TEXT} gin_trgm_ops`),
    index("structures_fulltext_idx").using("gin", t.searchVector),
  ],
);
