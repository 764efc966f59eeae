import { eq } from "drizzle-orm";
import { audit } from "../../../../core/audit/record.js";
import { savedCaseViews } from "../tables.js";
import type { StaffContext } from "./context.js";

/** Deletes one of the person's saved views. */
export async function deleteView(
  ctx: StaffContext,
  view: { id: string; structureId: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(savedCaseViews).where(eq(savedCaseViews.id, view.id));
    await audit(
      tx,
      {
        action: "case_view.delete",
        subjectType: "saved_case_view",
        subjectId: view.id,
        structureId: view.structureId,
      },
      ctx.request,
      ctx.actor.accountId,
    );
  });
}
