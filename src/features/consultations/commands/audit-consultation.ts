import { type AuditEntry, audit, type ChangeContext } from "../../../core/audit/record.js";
import type { Db } from "../../../db/client.js";
import type { Consultation } from "../queries.js";

/** Records a change to a consultation's content in the audit log, filed under its structure. */
export function auditConsultation(
  db: Db,
  c: Pick<Consultation, "id" | "structureId">,
  action: string,
  context: ChangeContext,
  details?: AuditEntry["details"],
): Promise<void> {
  return audit(
    db,
    { action, subjectType: "consultation", subjectId: c.id, structureId: c.structureId, details },
    context.request,
    context.actorId,
  );
}
