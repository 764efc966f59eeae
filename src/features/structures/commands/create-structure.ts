import { eq, sql } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import { isUuid } from "../../../core/ids.js";
import { governorates, structures } from "../../../core/structures/tables.js";
import { type Db, rowsOf } from "../../../db/client.js";
import { isUniqueViolation } from "../../../db/errors.js";
import {
  CODE_PATTERN,
  type DetailsField,
  isKind,
  type NamesField,
  parseDetails,
  parseNames,
} from "./structure-fields.js";

export type StructureField = "code" | "kind" | "parentId" | "governorateCode" | NamesField | DetailsField;
export type StructureInput = Partial<Record<StructureField, string>>;

/** Checks a governorate code ("" for a national structure); reports on `errors.governorateCode`. */
export async function checkGovernorate(db: Db, value: string | undefined, errors: FieldErrors) {
  const code = text(value).toUpperCase();
  if (!code) return null;
  const [row] = await db.select().from(governorates).where(eq(governorates.code, code));
  if (!row) errors.governorateCode = fieldError("structures.errors.governorateInvalid");
  return row ? code : null;
}

/** Checks a would-be parent ("" for the top of the tree): it must exist and be active. */
export async function checkParent(db: Db, value: string | undefined, errors: FieldErrors) {
  const id = text(value);
  if (!id) return null;
  const [row] = isUuid(id)
    ? await db.select({ retiredAt: structures.retiredAt }).from(structures).where(eq(structures.id, id))
    : [];
  if (!row || row.retiredAt) errors.parentId = fieldError("structures.errors.parentInvalid");
  return id;
}

/**
 * Locks and checks a would-be parent ("" for the top of the tree): it must exist and be active.
 * Taken FOR UPDATE so that retiring the parent waits until the child is in place (and then sees it).
 */
export async function lockParent(db: Db, value: string | undefined): Promise<string | null | false> {
  const id = text(value);
  if (!id) return null;
  if (!isUuid(id)) return false;
  const rows = rowsOf(
    await db.execute(sql`select id from ${structures} where id = ${id} and retired_at is null for update`),
  );
  return rows.length > 0 ? id : false;
}

/** Creates a structure (platform admins); the code is its permanent public address. */
export async function createStructure(
  db: Db,
  input: StructureInput,
  context: ChangeContext,
): Promise<Result<{ id: string; code: string }, StructureField>> {
  const errors: FieldErrors = {};
  const code = text(input.code).toLowerCase();
  if (!CODE_PATTERN.test(code)) errors.code = fieldError("structures.errors.codeInvalid");
  const kind = text(input.kind);
  if (!isKind(kind)) errors.kind = fieldError("structures.errors.kindInvalid");
  const name = parseNames(input, errors);
  const { summary, contact } = parseDetails(input, errors);
  const governorateCode = await checkGovernorate(db, input.governorateCode, errors);
  await checkParent(db, input.parentId, errors);
  if (hasErrors(errors) || !isKind(kind)) return { ok: false, errors };

  try {
    return await db.transaction(async (tx) => {
      const parentId = await lockParent(tx, input.parentId);
      if (parentId === false)
        return { ok: false as const, errors: { parentId: fieldError("structures.errors.parentInvalid") } };
      const [row] = await tx
        .insert(structures)
        .values({ code, kind, parentId, governorateCode, name, summary, contact })
        .returning({ id: structures.id, code: structures.code });
      await audit(
        tx,
        {
          action: "structure.create",
          subjectType: "structure",
          subjectId: row!.id,
          structureId: row!.id,
          details: { code, kind, parentId },
        },
        context.request,
        context.actorId,
      );
      return { ok: true as const, value: row! };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, errors: { code: fieldError("structures.errors.codeTaken") } };
    throw error;
  }
}
