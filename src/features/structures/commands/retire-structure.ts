import { and, count, eq, isNull } from "drizzle-orm";
import type { ChangeContext } from "../../../core/audit/record.js";
import { fieldError, type Result, text } from "../../../core/forms.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import type { Structure } from "../queries.js";
import { auditStructure } from "./audit-structure.js";
import { REASON_MAX } from "./structure-fields.js";

/**
 * Retires a structure: it leaves the directory, but nothing is deleted and its public page still
 * answers, with the date. Needs a reason (kept for admins). Refused while it has active children:
 * they must be moved or retired first.
 */
export async function retireStructure(
  db: Db,
  structure: Structure,
  input: { reason?: string },
  context: ChangeContext,
): Promise<Result<{ retiredAt: Date }, "reason">> {
  const reason = text(input.reason);
  if (!reason) return { ok: false, errors: { reason: fieldError("structures.errors.reasonRequired") } };
  if ([...reason].length > REASON_MAX)
    return {
      ok: false,
      errors: { reason: fieldError("structures.errors.reasonTooLong", { max: REASON_MAX }) },
    };

  return db.transaction(async (tx) => {
    // Locking the row makes a concurrent "create under it" or "move under it" wait, then see it retired.
    const [current] = await tx
      .select({ retiredAt: structures.retiredAt })
      .from(structures)
      .where(eq(structures.id, structure.id))
      .for("update");
    if (!current || current.retiredAt)
      return { ok: false as const, errors: { reason: fieldError("structures.errors.alreadyRetired") } };
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(structures)
      .where(and(eq(structures.parentId, structure.id), isNull(structures.retiredAt)));
    if (n > 0)
      return {
        ok: false as const,
        errors: { reason: fieldError("structures.errors.hasActiveChildren", { count: n }) },
      };
    const retiredAt = new Date();
    await tx
      .update(structures)
      .set({ retiredAt, retiredReason: reason })
      .where(eq(structures.id, structure.id));
    await auditStructure(tx, structure, "structure.retire", context);
    return { ok: true as const, value: { retiredAt } };
  });
}
