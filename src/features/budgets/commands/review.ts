import { eq } from "drizzle-orm";
import type { ActingContext } from "../../../core/audit/record.js";
import { audit } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import { localized } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { parseDinars } from "../money.js";
import { phaseOf } from "../phase.js";
import { canBudget } from "../policy.js";
import { type BudgetRow, budgetProposals, type ProposalRow } from "../tables.js";

export const REVIEW_FIELDS = ["decision", "reasonAr", "reasonFr", "reasonEn", "cost", "mergeInto"] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];
export type ReviewInput = Partial<Record<ReviewField, string>>;
const DECISIONS = ["accepted", "rejected", "merged"] as const;

/**
 * The technical review of a proposal, until voting opens: accept it (its cost may be corrected),
 * reject it, or merge it into another proposal of the budget. A rejection and a merge need a public
 * reason in at least one language. A proposal held by moderation cannot be accepted until released;
 * a hidden one is out of the review. Audited.
 */
export async function reviewProposal(
  db: Db,
  ctx: ActingContext,
  budget: BudgetRow,
  proposal: ProposalRow,
  input: ReviewInput,
  now = new Date(),
): Promise<Result<void, ReviewField>> {
  if (!canBudget(ctx.actor, "review", budget)) throw new Error("reviewProposal: not allowed");
  const errors: FieldErrors<ReviewField> = {};
  const phase = phaseOf(budget, now);
  if (phase !== "upcoming" && phase !== "proposals" && phase !== "review")
    return { ok: false, errors: { decision: fieldError("budgets.errors.reviewClosed") } };
  const decision = DECISIONS.find((d) => d === text(input.decision));
  if (!decision) errors.decision = fieldError("budgets.errors.decision");
  // Moderation first: a proposal held for review waits for a moderator before it can go on the
  // ballot; a hidden one never does (nor can anything be merged into it).
  if (proposal.moderationState === "hidden")
    return { ok: false, errors: { decision: fieldError("budgets.errors.decision") } };
  if (decision === "accepted" && proposal.moderationState === "held")
    errors.decision = fieldError("budgets.moderation.errors.held");
  const reason = localized(input.reasonAr, input.reasonFr, input.reasonEn);
  if (Object.values(reason).some((r) => r.length > 2000))
    errors.reasonFr = fieldError("budgets.errors.reasonLong");
  else if ((decision === "rejected" || decision === "merged") && Object.keys(reason).length === 0)
    errors.reasonFr = fieldError("budgets.errors.reasonRequired");
  let cost = proposal.costMillimes;
  if (text(input.cost)) {
    const parsed = parseDinars(text(input.cost));
    if (parsed === null || parsed <= 0) errors.cost = fieldError("budgets.errors.cost");
    else cost = parsed;
  }
  let mergedIntoId: string | null = null;
  if (decision === "merged") {
    const code = text(input.mergeInto).toUpperCase();
    const [target] = code
      ? await db
          .select()
          .from(budgetProposals)
          .where(eq(budgetProposals.budgetId, budget.id))
          .then((rows) => rows.filter((r) => r.code === code))
      : [];
    if (
      !target ||
      target.id === proposal.id ||
      target.status === "merged" ||
      target.status === "rejected" ||
      target.moderationState !== "visible"
    )
      errors.mergeInto = fieldError("budgets.errors.mergeInto");
    else mergedIntoId = target.id;
  }
  if (hasErrors(errors)) return { ok: false, errors };
  await db.transaction(async (tx) => {
    await tx
      .update(budgetProposals)
      .set({
        status: decision!,
        reason: Object.keys(reason).length ? reason : null,
        costMillimes: cost,
        mergedIntoId,
        reviewedAt: now,
        reviewedBy: ctx.actor.accountId,
      })
      .where(eq(budgetProposals.id, proposal.id));
    await audit(
      tx,
      {
        action: "budgets.proposal_reviewed",
        subjectType: "budget_proposal",
        subjectId: proposal.id,
        structureId: budget.structureId,
        details: { budget: budget.code, code: proposal.code, decision, costMillimes: cost },
      },
      ctx.request,
      ctx.actor.accountId,
    );
  });
  return { ok: true, value: undefined };
}
