import { eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import type { Db } from "../../../db/client.js";
import type { DeadlinePolicy } from "../queries.js";
import { deadlinePolicies } from "../tables.js";

/**
 * Removes a structure's override, so the national default applies to it again (audited
 * "deadline_policy.delete"). National defaults are never removed, only changed.
 */
export async function removeDeadlineOverride(
  db: Db,
  policy: DeadlinePolicy,
  context: ChangeContext,
): Promise<void> {
  if (policy.structureId === null) throw new RangeError("a national default cannot be removed");
  await db.transaction(async (tx) => {
    await tx.delete(deadlinePolicies).where(eq(deadlinePolicies.id, policy.id));
    await audit(
      tx,
      {
        action: "deadline_policy.delete",
        subjectType: "deadline_policy",
        subjectId: policy.id,
        structureId: policy.structureId,
        details: { caseType: policy.caseType, workingDays: policy.workingDays },
      },
      context.request,
      context.actorId,
    );
  });
}
