import { eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import type { Structure } from "../queries.js";
import { checkGovernorate, type StructureField, type StructureInput } from "./create-structure.js";
import { isKind, parseDetails, parseNames, sameContact, sameLocalized } from "./structure-fields.js";

/**
 * Saves a structure's edit form. "full" (platform admins): names, kind, governorate, summary and
 * contact details. "details" (the structure's own admins): summary and contact details only; any
 * other field sent is ignored. The code and the place in the tree do not change here (see
 * moveStructure). Audited with the names of the fields that changed.
 */
export async function updateStructure(
  db: Db,
  structure: Structure,
  input: StructureInput,
  scope: "full" | "details",
  context: ChangeContext,
): Promise<Result<{ changed: string[] }, StructureField>> {
  const errors: FieldErrors = {};
  const { summary, contact } = parseDetails(input, errors);
  const next: Partial<Structure> = { summary, contact };
  if (scope === "full") {
    next.name = parseNames(input, errors);
    const kind = text(input.kind);
    if (isKind(kind)) next.kind = kind;
    else errors.kind = fieldError("structures.errors.kindInvalid");
    next.governorateCode = await checkGovernorate(db, input.governorateCode, errors);
  }
  if (hasErrors(errors)) return { ok: false, errors };

  const changed: string[] = [];
  if (next.name && !sameLocalized(next.name, structure.name)) changed.push("name");
  if (next.kind && next.kind !== structure.kind) changed.push("kind");
  if (scope === "full" && next.governorateCode !== structure.governorateCode) changed.push("governorate");
  if (!sameLocalized(summary, structure.summary)) changed.push("summary");
  if (!sameContact(contact, structure.contact)) changed.push("contact");
  if (changed.length === 0) return { ok: true, value: { changed } };

  await db.transaction(async (tx) => {
    await tx.update(structures).set(next).where(eq(structures.id, structure.id));
    await audit(
      tx,
      {
        action: "structure.update",
        subjectType: "structure",
        subjectId: structure.id,
        structureId: structure.id,
        details: { code: structure.code, fields: changed },
      },
      context.request,
      context.actorId,
    );
  });
  return { ok: true, value: { changed } };
}
