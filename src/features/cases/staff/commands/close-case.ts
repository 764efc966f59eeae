import { eq } from "drizzle-orm";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../../core/forms.js";
import { cases } from "../../tables.js";
import { type CaseOutcome, notifyCitizen } from "../notify.js";
import { addEvent, auditCase, lockCase, messageProblem, nowOf, type StaffContext } from "./context.js";

export type CloseField = "outcome" | "message";

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

/** Closes a request with an outcome code and an optional word to the citizen, who is mailed. */
export async function closeCase(
  ctx: StaffContext,
  caseId: string,
  input: { outcome?: string; message?: string },
): Promise<Result<null, CloseField>> {
  const errors: FieldErrors<CloseField> = {};
  const outcome = CLOSE_OUTCOMES.find((o) => o === input.outcome);
  if (!outcome) errors.outcome = fieldError("cases.staff.errors.outcomeRequired");
  const message = text(input.message);
  const problem = messageProblem(message, { optional: true });
  if (problem) errors.message = problem;
  if (hasErrors(errors) || !outcome) return { ok: false, errors };
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId, "close");
    const now = nowOf(ctx);
    const [updated] = await tx
      .update(cases)
      .set({ status: "closed", outcome, closedAt: now, pausedAt: null, updatedAt: now })
      .where(eq(cases.id, c.id))
      .returning();
    await addEvent(tx, ctx, c.id, "closed", now, { body: message || null, details: { outcome } });
    await auditCase(tx, ctx, "close", c, { outcome, from: c.status });
    await notifyCitizen(tx, ctx.mail, updated!, { kind: "closed", outcome, body: message || null });
    return { ok: true, value: null };
  });
}
