import { and, eq, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import { budgetProposalSupports, budgetProposals } from "./tables.js";

/**
 * A deleted account's proposals: those not yet reviewed go with it when the person asks for their
 * contributions to be removed (unless another proposal was merged into one); every other proposal
 * stays, without its author, as part of the budget's public record. Removing also withdraws their
 * supports, and the counts follow. Ballots hold nothing of anyone, and an e-ID voter's eligibility
 * key (a salted hash) stays so that nobody votes twice.
 */
export async function forgetBudgetAccount(db: Db, accountId: string, mode: "anonymise" | "remove") {
  if (mode === "remove") {
    const target = alias(budgetProposals, "target");
    await db
      .delete(budgetProposals)
      .where(
        and(
          eq(budgetProposals.authorId, accountId),
          eq(budgetProposals.status, "submitted"),
          notExists(
            db.select({ id: target.id }).from(target).where(eq(target.mergedIntoId, budgetProposals.id)),
          ),
        ),
      );
    const withdrawn = await db
      .delete(budgetProposalSupports)
      .where(eq(budgetProposalSupports.accountId, accountId))
      .returning({ proposalId: budgetProposalSupports.proposalId });
    for (const { proposalId } of withdrawn)
      await db
        .update(budgetProposals)
        .set({ supportCount: sql`${budgetProposals.supportCount} - 1` })
        .where(eq(budgetProposals.id, proposalId));
  }
  await db.update(budgetProposals).set({ authorId: null }).where(eq(budgetProposals.authorId, accountId));
}
