import { audit, type ChangeContext } from "../../../core/audit/record.js";
import type { Db } from "../../../db/client.js";

/** Records a change to a structure in the audit log, under itself, with its code. */
export function auditStructure(
  db: Db,
  structure: { id: string; code: string },
  action: string,
  context: ChangeContext,
): Promise<void> {
  return auditCoded(db, "structure", { ...structure, structureId: structure.id }, action, context);
}

/** Records a change to a structure's category in the audit log, under its structure, with its code. */
export function auditCategory(
  db: Db,
  category: { id: string; structureId: string; code: string },
  action: string,
  context: ChangeContext,
): Promise<void> {
  return auditCoded(db, "structure_category", category, action, context);
}

/** The audit event of a change to something a structure holds, known by its code. */
function auditCoded(
  db: Db,
  subjectType: string,
  subject: { id: string; structureId: string; code: string },
  action: string,
  context: ChangeContext,
): Promise<void> {
  return audit(
    db,
    {
      action,
      subjectType,
      subjectId: subject.id,
      structureId: subject.structureId,
      details: { code: subject.code },
    },
    context.request,
    context.actorId,
  );
}
