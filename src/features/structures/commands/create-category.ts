import { and, eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { isUniqueViolation } from "../../../db/errors.js";
import type { Structure } from "../queries.js";
import { structureCategories } from "../tables.js";
import { CODE_PATTERN, type NamesField, parseNames } from "./structure-fields.js";

export type CategoryField = "code" | NamesField;
export type CategoryInput = Partial<Record<CategoryField, string>>;

/** Adds a request category to a structure: a code unique within it, and names in ar/fr/en. */
export async function createCategory(
  db: Db,
  structure: Pick<Structure, "id" | "code">,
  input: CategoryInput,
  context: ChangeContext,
): Promise<Result<{ id: string }, CategoryField>> {
  const errors: FieldErrors = {};
  const code = text(input.code).toLowerCase();
  if (!CODE_PATTERN.test(code)) errors.code = fieldError("structures.errors.categoryCodeInvalid");
  const name = parseNames(input, errors);
  if (!errors.code) {
    const [existing] = await db
      .select({ id: structureCategories.id })
      .from(structureCategories)
      .where(and(eq(structureCategories.structureId, structure.id), eq(structureCategories.code, code)));
    if (existing) errors.code = fieldError("structures.errors.categoryCodeTaken");
  }
  if (hasErrors(errors)) return { ok: false, errors };
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(structureCategories)
        .values({ structureId: structure.id, code, name })
        .returning({ id: structureCategories.id });
      await audit(
        tx,
        {
          action: "category.create",
          subjectType: "structure_category",
          subjectId: row!.id,
          structureId: structure.id,
          details: { code },
        },
        context.request,
        context.actorId,
      );
      return { ok: true as const, value: row! };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, errors: { code: fieldError("structures.errors.categoryCodeTaken") } };
    throw error;
  }
}
