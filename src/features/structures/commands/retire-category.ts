import { and, eq, isNull } from "drizzle-orm";
import type { ChangeContext } from "../../../core/audit/record.js";
import type { Db } from "../../../db/client.js";
import type { StructureCategory } from "../queries.js";
import { structureCategories } from "../tables.js";
import { auditCategory } from "./audit-structure.js";

/**
 * Retires a request category: citizens can no longer choose it, and past requests keep it.
 * Returns false when it was already retired (nothing changes, nothing is audited).
 */
export async function retireCategory(
  db: Db,
  category: StructureCategory,
  context: ChangeContext,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(structureCategories)
      .set({ retiredAt: new Date() })
      .where(and(eq(structureCategories.id, category.id), isNull(structureCategories.retiredAt)))
      .returning({ id: structureCategories.id });
    if (updated.length === 0) return false;
    await auditCategory(tx, category, "category.retire", context);
    return true;
  });
}
