import { and, eq } from "drizzle-orm";
import { type ActingContext, audit } from "../../../core/audit/record.js";
import { type FieldError, fieldError, text } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { findByReceipt } from "../ballot-box.js";
import { ballotProblem } from "../ballot-rules.js";
import { looksLikeCode, newCode, receiptHash, voterKeyHash } from "../codes.js";
import { phaseOf } from "../phase.js";
import { canBudget } from "../policy.js";
import { listDistricts, proposalsByIds } from "../queries.js";
import {
  type BudgetRow,
  budgetBallotBox,
  budgetBallotBoxItems,
  budgetBallotItems,
  budgetBallots,
  budgetEligibility,
} from "../tables.js";
import { poolsOf } from "../tally.js";

/** Who casts a ballot: a signed-in account whose identity the e-ID vouched for, or the bearer of a paper code. */
export type Voter = { kind: "eid"; accountId: string } | { kind: "paper_code"; code: string };

export type VoteOutcome =
  | { ok: true; receipt: string }
  | { ok: false; error: FieldError; field: "proposals" | "code" | "receipt" };

async function checkItems(db: Db, budget: BudgetRow, requested: string[]) {
  const unique = [...new Set(requested)];
  const [districts, chosen] = await Promise.all([
    listDistricts(db, budget.id),
    proposalsByIds(db, budget.id, unique),
  ]);
  return {
    unique,
    problem: ballotProblem(budget, poolsOf(budget.amountMillimes, districts), unique, chosen),
  };
}

/**
 * Casts a ballot. In one transaction: the voter's eligibility row is marked as having voted (created
 * for an e-ID voter, found unused for a paper code), and the ballot and its items are written into
 * the ballot box with a new receipt code's hash. The ballot carries no account, no eligibility id
 * and no time; it is counted only once the mixing (ballot-box.ts) has moved it, shuffled with others,
 * out of the box, so that not even the transaction that wrote it pairs it with its voter. Nothing is
 * written when the ballot breaks a rule, voting is not open, or the voter is not eligible or has
 * already voted. Returns the receipt code, shown once.
 */
export async function castBallot(
  db: Db,
  budget: BudgetRow,
  voter: Voter,
  requested: string[],
  now = new Date(),
): Promise<VoteOutcome> {
  if (phaseOf(budget, now) !== "voting")
    return { ok: false, error: fieldError("budgets.errors.notVoting"), field: "proposals" };
  if (voter.kind === "eid" && !budget.voteByEid)
    return { ok: false, error: fieldError("budgets.errors.eidClosed"), field: "proposals" };
  if (voter.kind === "paper_code" && !budget.voteByPaperCode)
    return { ok: false, error: fieldError("budgets.errors.paperClosed"), field: "code" };
  if (voter.kind === "paper_code" && !looksLikeCode(voter.code))
    return { ok: false, error: fieldError("budgets.errors.codeInvalid"), field: "code" };
  const { unique, problem } = await checkItems(db, budget, requested);
  if (problem) return { ok: false, error: problem, field: "proposals" };
  const key = voterKeyHash(
    budget.voterKeySalt,
    voter.kind,
    voter.kind === "eid" ? voter.accountId : voter.code,
  );
  const receipt = newCode();
  return db.transaction(async (tx) => {
    const marked =
      voter.kind === "eid"
        ? await tx
            .insert(budgetEligibility)
            .values({ budgetId: budget.id, voterKeyHash: key, method: "eid", hasVoted: true })
            .onConflictDoNothing()
            .returning({ id: budgetEligibility.id })
        : await tx
            .update(budgetEligibility)
            .set({ hasVoted: true })
            .where(
              and(
                eq(budgetEligibility.budgetId, budget.id),
                eq(budgetEligibility.voterKeyHash, key),
                eq(budgetEligibility.method, "paper_code"),
                eq(budgetEligibility.hasVoted, false),
              ),
            )
            .returning({ id: budgetEligibility.id });
    if (marked.length === 0)
      return {
        ok: false as const,
        error: fieldError(
          voter.kind === "eid" ? "budgets.errors.alreadyVoted" : "budgets.errors.codeUnknown",
        ),
        field: voter.kind === "eid" ? ("proposals" as const) : ("code" as const),
      };
    const [held] = await tx
      .insert(budgetBallotBox)
      .values({ budgetId: budget.id, receiptHash: receiptHash(receipt) })
      .returning({ id: budgetBallotBox.id });
    await tx
      .insert(budgetBallotBoxItems)
      .values(unique.map((proposalId) => ({ boxId: held!.id, proposalId })));
    return { ok: true as const, receipt };
  });
}

/**
 * The projects of the ballot a receipt code belongs to, in this budget, whether it is still held
 * in the ballot box or already mixed; null when no ballot has this receipt.
 */
export async function ballotByReceipt(
  db: Db,
  budgetId: string,
  receipt: string,
): Promise<{ proposalIds: string[] } | null> {
  if (!looksLikeCode(receipt)) return null;
  const found = await findByReceipt(db, budgetId, receiptHash(receipt));
  if (!found) return null;
  const rows =
    found.where === "box"
      ? await db
          .select({ id: budgetBallotBoxItems.proposalId })
          .from(budgetBallotBoxItems)
          .where(eq(budgetBallotBoxItems.boxId, found.id))
      : await db
          .select({ id: budgetBallotItems.proposalId })
          .from(budgetBallotItems)
          .where(eq(budgetBallotItems.ballotId, found.id));
  return { proposalIds: rows.map((r) => r.id) };
}

/**
 * Replaces the projects of the ballot a receipt hash belongs to, wherever it is. The held row is
 * locked first: a mixing that holds it is waited for, and the ballot is then found mixed (each
 * statement sees what committed before it); a mixing that comes after waits for this change.
 */
async function replaceItems(db: Db, budgetId: string, hash: string, proposalIds: string[]) {
  return db.transaction(async (tx) => {
    const [held] = await tx
      .select({ id: budgetBallotBox.id })
      .from(budgetBallotBox)
      .where(and(eq(budgetBallotBox.budgetId, budgetId), eq(budgetBallotBox.receiptHash, hash)))
      .for("update");
    if (held) {
      await tx.delete(budgetBallotBoxItems).where(eq(budgetBallotBoxItems.boxId, held.id));
      await tx
        .insert(budgetBallotBoxItems)
        .values(proposalIds.map((proposalId) => ({ boxId: held.id, proposalId })));
      return true;
    }
    const [mixed] = await tx
      .select({ id: budgetBallots.id })
      .from(budgetBallots)
      .where(and(eq(budgetBallots.budgetId, budgetId), eq(budgetBallots.receiptHash, hash)))
      .for("update");
    if (!mixed) return false;
    await tx.delete(budgetBallotItems).where(eq(budgetBallotItems.ballotId, mixed.id));
    await tx
      .insert(budgetBallotItems)
      .values(proposalIds.map((proposalId) => ({ ballotId: mixed.id, proposalId })));
    return true;
  });
}

/**
 * Changes a ballot until voting closes: whoever holds its receipt code replaces its projects,
 * whether the ballot is still in the ballot box or already mixed. The receipt stays the same, and
 * nothing of the voter is read or written.
 */
export async function changeBallot(
  db: Db,
  budget: BudgetRow,
  receipt: string,
  requested: string[],
  now = new Date(),
): Promise<VoteOutcome> {
  if (phaseOf(budget, now) !== "voting")
    return { ok: false, error: fieldError("budgets.errors.notVoting"), field: "proposals" };
  const unknown = {
    ok: false as const,
    error: fieldError("budgets.errors.receiptUnknown"),
    field: "receipt" as const,
  };
  if (!(await ballotByReceipt(db, budget.id, receipt))) return unknown;
  const { unique, problem } = await checkItems(db, budget, requested);
  if (problem) return { ok: false, error: problem, field: "proposals" };
  if (!(await replaceItems(db, budget.id, receiptHash(receipt), unique))) return unknown;
  return { ok: true, receipt: text(receipt) };
}

/**
 * Issues a one-time voting code to a resident checked at a counter (identity and residence seen
 * by the agent), until voting closes. Only its salted hash is kept; the code is shown once, to be
 * printed or written down. Audited (that a code was issued, never the code).
 */
export async function issuePaperCode(
  db: Db,
  ctx: ActingContext,
  budget: BudgetRow,
  now = new Date(),
): Promise<string | null> {
  if (!canBudget(ctx.actor, "issueCode", budget)) throw new Error("issuePaperCode: not allowed");
  const phase = phaseOf(budget, now);
  if (phase === "results" || phase === "implementation" || !budget.voteByPaperCode) return null;
  const code = newCode();
  await db.transaction(async (tx) => {
    await tx.insert(budgetEligibility).values({
      budgetId: budget.id,
      voterKeyHash: voterKeyHash(budget.voterKeySalt, "paper_code", code),
      method: "paper_code",
      issuedBy: ctx.actor.accountId,
    });
    await audit(
      tx,
      {
        action: "budgets.code_issued",
        subjectType: "budget",
        subjectId: budget.id,
        structureId: budget.structureId,
      },
      ctx.request,
      ctx.actor.accountId,
    );
  });
  return code;
}
