import { jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { structures } from "../../core/structures/tables.js";
import { id, requiredRef, timestamps, tstz } from "../../db/columns.js";

/** The request categories a structure handles (issue routing and statistics use them). */
export const structureCategories = pgTable(
  "structure_categories",
  {
    id: id(),
    structureId: requiredRef("structure_id", () => structures.id),
    code: text("code").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    retiredAt: tstz("retired_at"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("structure_categories_code_unique").on(t.structureId, t.code)],
);
