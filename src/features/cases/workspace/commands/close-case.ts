import { eq } from "drizzle-orm";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../../core/forms.js";
import { REFUSAL_GROUNDS } from "../../access-law.js";
import { cases } from "../../tables.js";
import { type CaseOutcome, notifyCitizen } from "../notify.js";
import { addEvent, auditCase, lockCase, messageProblem, nowOf, type StaffContext } from "./context.js";

export type CloseField = "outcome" | "ground" | "message";

/**
 * The outcomes a request is closed with here. "duplicate" is set by marking it a duplicate of
 * another request (mark-duplicate.ts), which says which one.
 */
export const CLOSE_OUTCOMES = [
  "answered",
  "not_competent",
  "no_further_action",
  "withdrawn",
] as const satisfies readonly CaseOutcome[];

/**
 * An access-to-information request is decided as the law decides it (access-law.ts): granted,
 * partly granted, or refused on one of the law's grounds; or it was not for this body, or withdrawn.
 */
export const ACCESS_OUTCOMES = [
  "granted",
  "partly_granted",
  "refused",
  "not_competent",
  "withdrawn",
] as const satisfies readonly CaseOutcome[];

/** The outcomes a request of a type is closed with. */
export const closeOutcomesFor = (type: string): readonly CaseOutcome[] =>
  type === "information" ? ACCESS_OUTCOMES : CLOSE_OUTCOMES;

/** Outcomes that must name the law's ground (a refusal, in full or in part) and give reasons. */
export const NEEDS_GROUND: readonly CaseOutcome[] = ["refused", "partly_granted"];

/**
 * Closes a request with an outcome code and an optional word to the citizen, who is mailed. An
 * access-to-information request refused in full or in part needs the law's ground and the reasons
 * (art. 19), and the mail tells the requester their appeal routes. Closing a request under appeal
 * decides the appeal.
 */
export async function closeCase(
  ctx: StaffContext,
  caseId: string,
  input: { outcome?: string; ground?: string; message?: string },
): Promise<Result<null, CloseField>> {
  const message = text(input.message);
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId, "close");
    const errors: FieldErrors<CloseField> = {};
    const outcome = closeOutcomesFor(c.type).find((o) => o === input.outcome);
    if (!outcome) errors.outcome = fieldError("cases.workspace.errors.outcomeRequired");
    const needsGround = outcome !== undefined && NEEDS_GROUND.includes(outcome);
    const ground = needsGround ? (REFUSAL_GROUNDS.find((g) => g === input.ground) ?? null) : null;
    if (needsGround && !ground) errors.ground = fieldError("cases.workspace.errors.groundRequired");
    const problem = messageProblem(message, { optional: !needsGround });
    if (problem) errors.message = problem;
    if (hasErrors(errors) || !outcome) return { ok: false, errors };
    const now = nowOf(ctx);
    const [updated] = await tx
      .update(cases)
      .set({
        status: "closed",
        outcome,
        refusalGround: ground,
        closedAt: now,
        pausedAt: null,
        updatedAt: now,
      })
      .where(eq(cases.id, c.id))
      .returning();
    const details = {
      outcome,
      ...(ground ? { ground } : {}),
      ...(c.appealLevel > 0 ? { appealLevel: c.appealLevel } : {}),
    };
    await addEvent(tx, ctx, c.id, "closed", now, { body: message || null, details });
    await auditCase(tx, ctx, "close", c, { outcome, from: c.status });
    await notifyCitizen(tx, ctx.mail, updated!, { kind: "closed", outcome, body: message || null, ground });
    return { ok: true, value: null };
  });
}
