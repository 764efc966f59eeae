import { eq } from "drizzle-orm";
import type { ChangeContext } from "../../../core/audit/record.js";
import { fieldError, type Result } from "../../../core/forms.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import type { Structure } from "../queries.js";
import { auditStructure } from "./audit-structure.js";
import { lockParent } from "./create-structure.js";

/**
 * Brings a retired structure back into the directory. Refused when its parent is itself retired
 * (restore or move the parent first), so an active structure never hangs under a retired one.
 */
export async function restoreStructure(
  db: Db,
  structure: Structure,
  context: ChangeContext,
): Promise<Result<null, "restore">> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ retiredAt: structures.retiredAt, parentId: structures.parentId })
      .from(structures)
      .where(eq(structures.id, structure.id))
      .for("update");
    if (!current?.retiredAt)
      return { ok: false as const, errors: { restore: fieldError("structures.errors.notRetired") } };
    if (current.parentId && (await lockParent(tx, current.parentId)) === false)
      return { ok: false as const, errors: { restore: fieldError("structures.errors.parentRetired") } };
    await tx
      .update(structures)
      .set({ retiredAt: null, retiredReason: null })
      .where(eq(structures.id, structure.id));
    await auditStructure(tx, structure, "structure.restore", context);
    return { ok: true as const, value: null };
  });
}
