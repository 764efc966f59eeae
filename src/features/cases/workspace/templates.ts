import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { formatDate } from "../../../core/i18n/format.js";
import { type Locale, type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { isUuid } from "../../../core/ids.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { structureCategories } from "../../structures/tables.js";
import { responseTemplates } from "./tables.js";

export type ResponseTemplate = typeof responseTemplates.$inferSelect;

/** The placeholders a template may hold; anything else in braces is left as typed. */
export const PLACEHOLDERS = ["reference", "name", "structure", "date"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Fills a template's placeholders: {reference}, {name}, {structure} and {date}. */
export function fillTemplate(body: string, values: Record<Placeholder, string>): string {
  return body.replace(/\{(reference|name|structure|date)\}/g, (_, key: Placeholder) => values[key]);
}

/** The values of the placeholders for a request, in the template's language. */
export function placeholderValues(
  c: { reference: string; contactName: string | null; anonymous: boolean },
  structureName: LocalizedText,
  locale: Locale,
  now: Date,
  citizenWord: string,
): Record<Placeholder, string> {
  return {
    reference: c.reference,
    name: !c.anonymous && c.contactName ? c.contactName : citizenWord,
    structure: pickLocalized(structureName, locale).text,
    date: formatDate(now, locale),
  };
}

/** The templates an agent may use on a request: its structure's, for its category or for all. */
export async function listUsableTemplates(db: Db, structureId: string, categoryId: string | null) {
  return db
    .select()
    .from(responseTemplates)
    .where(
      and(
        eq(responseTemplates.structureId, structureId),
        categoryId
          ? or(isNull(responseTemplates.categoryId), eq(responseTemplates.categoryId, categoryId))
          : isNull(responseTemplates.categoryId),
      ),
    )
    .orderBy(asc(responseTemplates.title), asc(responseTemplates.id));
}

/** Every template of some structures, with the names of their structure and category. */
export async function listTemplates(db: Db, structureIds: "all" | string[]) {
  if (structureIds !== "all" && structureIds.length === 0) return [];
  return db
    .select({
      template: responseTemplates,
      structureName: structures.name,
      categoryName: structureCategories.name,
    })
    .from(responseTemplates)
    .innerJoin(structures, eq(structures.id, responseTemplates.structureId))
    .leftJoin(structureCategories, eq(structureCategories.id, responseTemplates.categoryId))
    .where(structureIds === "all" ? undefined : inArray(responseTemplates.structureId, structureIds))
    .orderBy(asc(structures.code), asc(responseTemplates.title), asc(responseTemplates.id));
}

export async function findTemplate(db: Db, id: string | undefined): Promise<ResponseTemplate | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(responseTemplates).where(eq(responseTemplates.id, id));
  return row ?? null;
}
