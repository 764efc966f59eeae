import { eq, sql } from "drizzle-orm";
import { type Result, text } from "../../../../core/forms.js";
import { cases } from "../../tables.js";
import { notifyCitizen } from "../notify.js";
import { addEvent, auditCase, lockCase, messageProblem, nowOf, type StaffContext } from "./context.js";

export type ReplyField = "body";

/** Answers the citizen: the request becomes "answered", its clock stops, and the citizen is mailed the answer. */
export async function replyToCase(
  ctx: StaffContext,
  caseId: string,
  input: { body?: string },
): Promise<Result<null, ReplyField>> {
  const body = text(input.body);
  const problem = messageProblem(body);
  if (problem) return { ok: false, errors: { body: problem } };
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId, "reply");
    const now = nowOf(ctx);
    const [updated] = await tx
      .update(cases)
      .set({
        status: "answered",
        answeredAt: now,
        firstResponseAt: sql`coalesce(${cases.firstResponseAt}, ${now.toISOString()}::timestamptz)`,
        pausedAt: null,
        updatedAt: now,
      })
      .where(eq(cases.id, c.id))
      .returning();
    await addEvent(tx, ctx, c.id, "replied", now, { body });
    await auditCase(tx, ctx, "reply", c, { from: c.status });
    await notifyCitizen(tx, ctx.mail, updated!, { kind: "replied", body });
    return { ok: true, value: null };
  });
}
