import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { budgetProposalSupports, budgetProposals } from "../tables.js";

/** Supports a proposal (once per account) or withdraws the support; the count follows in the same transaction. */
export async function setProposalSupport(db: Db, proposalId: string, accountId: string, support: boolean) {
  await db.transaction(async (tx) => {
    const changed = support
      ? await tx
          .insert(budgetProposalSupports)
          .values({ proposalId, accountId })
          .onConflictDoNothing()
          .returning()
      : await tx
          .delete(budgetProposalSupports)
          .where(
            and(
              eq(budgetProposalSupports.proposalId, proposalId),
              eq(budgetProposalSupports.accountId, accountId),
            ),
          )
          .returning();
    if (changed.length === 0) return;
    await tx
      .update(budgetProposals)
      .set({ supportCount: sql`${budgetProposals.supportCount} + ${support ? 1 : -1}` })
      .where(eq(budgetProposals.id, proposalId));
  });
}
