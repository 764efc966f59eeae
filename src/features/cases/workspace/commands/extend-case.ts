import { eq } from "drizzle-orm";
import { fieldError, type Result, text } from "../../../../core/forms.js";
import { canExtend, EXTENSION, extendedDueAt } from "../../access-law.js";
import { cases } from "../../tables.js";
import { notifyCitizen } from "../notify.js";
import { addEvent, auditCase, lockCase, messageProblem, nowOf, type StaffContext } from "./context.js";

export type ExtendField = "message";

/**
 * Extends an access-to-information request's limit by the law's 10 days (access-law.ts), once,
 * while the limit still runs, telling the requester why (the law requires the notice).
 */
export async function extendCase(
  ctx: StaffContext,
  caseId: string,
  input: { message?: string },
): Promise<Result<null, ExtendField>> {
  const message = text(input.message);
  const problem = messageProblem(message);
  if (problem) return { ok: false, errors: { message: problem } };
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId, "extend");
    const now = nowOf(ctx);
    if (!canExtend(c) || !c.dueAt)
      return { ok: false, errors: { message: fieldError("cases.workspace.errors.cannotExtend") } };
    if (c.dueAt < now)
      return { ok: false, errors: { message: fieldError("cases.workspace.errors.extendTooLate") } };
    const dueAt = extendedDueAt(c.dueAt);
    const [updated] = await tx
      .update(cases)
      .set({ dueAt, extendedAt: now, escalationLevel: 0, updatedAt: now })
      .where(eq(cases.id, c.id))
      .returning();
    const details = { days: EXTENSION.days, article: EXTENSION.article, dueAt: dueAt.toISOString() };
    await addEvent(tx, ctx, c.id, "extended", now, { body: message, details });
    await auditCase(tx, ctx, "extend", c, { dueAt: dueAt.toISOString() });
    await notifyCitizen(tx, ctx.mail, updated!, { kind: "extended", body: message, dueAt });
    return { ok: true, value: null };
  });
}
