import { audit, type ChangeContext } from "../../../core/audit/record.js";
import type { Db } from "../../../db/client.js";

/** Records a change to a structure in the audit log, under itself, with its code. */
export function auditStructure(
  db: Db,
  structure: { id: string; code: string },
  action: string,
  context: ChangeContext,
): Promise<void> {
  return audit(
    db,
    {
      action,
      subjectType: "structure",
      subjectId: structure.id,
      structureId: structure.id,
      details: { code: structure.code },
    },
    context.request,
    context.actorId,
  );
}

/** Records a change to a structure's category in the audit log, under its structure, with its code. */
export function auditCategory(
  db: Db,
  category: { id: string; structureId: string; code: string },
  action: string,
  context: ChangeContext,
): Promise<void> {
  return audit(
    db,
    {
      action,
      subjectType: "structure_category",
      subjectId: category.id,
      structureId: category.structureId,
      details: { code: category.code },
    },
    context.request,
    context.actorId,
  );
}
