import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { id, timestamps, tstz } from "../../db/columns.js";

export const structureKind = pgEnum("structure_kind", [
  "presidency",
  "central_office",
  "ministry",
  "regional_directorate",
  "governorate",
  "municipality",
  "independent_body",
]);

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
    id: id(),
    code: text("code").notNull().unique(),
    kind: structureKind("kind").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => structures.id),
    governorateCode: text("governorate_code").references(() => governorates.code),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    summary: jsonb("summary").$type<LocalizedText>().notNull(),
    contact: jsonb("contact").$type<StructureContact>().notNull().default(sql`'{}'::jsonb`),
    retiredAt: tstz("retired_at"),
    ...timestamps(),
  },
  (t) => [
    index("structures_parent_idx").on(t.parentId),
    index("structures_governorate_idx").on(t.governorateCode),
  ],
);

/** The request categories a structure handles (issue routing and statistics use them). */
export const structureCategories = pgTable(
  "structure_categories",
  {
    id: id(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id),
    code: text("code").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    retiredAt: tstz("retired_at"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("structure_categories_code_unique").on(t.structureId, t.code)],
);
