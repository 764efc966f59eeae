import { eq } from "drizzle-orm";
import type { ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, hasErrors, type Result } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import type { StructureCategory } from "../queries.js";
import { structureCategories } from "../tables.js";
import { auditCategory } from "./audit-structure.js";
import { type NamesField, parseNames, sameLocalized } from "./structure-fields.js";

/** Renames a request category (its code stays: requests and statistics refer to it). */
export async function updateCategory(
  db: Db,
  category: StructureCategory,
  input: Partial<Record<NamesField, string>>,
  context: ChangeContext,
): Promise<Result<{ changed: boolean }, NamesField>> {
  const errors: FieldErrors = {};
  const name = parseNames(input, errors);
  if (hasErrors(errors)) return { ok: false, errors };
  if (sameLocalized(name, category.name)) return { ok: true, value: { changed: false } };
  await db.transaction(async (tx) => {
    await tx.update(structureCategories).set({ name }).where(eq(structureCategories.id, category.id));
    await auditCategory(tx, category, "category.update", context);
  });
  return { ok: true, value: { changed: true } };
}
