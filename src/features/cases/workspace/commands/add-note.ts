import { eq } from "drizzle-orm";
import { type Result, text } from "../../../../core/forms.js";
import { cases } from "../../tables.js";
import { addEvent, auditCase, lockCase, messageProblem, nowOf, type StaffContext } from "./context.js";

export type NoteField = "body";

/** Adds an internal note to a request's timeline: staff only, the citizen neither sees it nor hears of it. */
export async function addNote(
  ctx: StaffContext,
  caseId: string,
  input: { body?: string },
): Promise<Result<null, NoteField>> {
  const body = text(input.body);
  const problem = messageProblem(body);
  if (problem) return { ok: false, errors: { body: problem } };
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId, "note");
    const now = nowOf(ctx);
    await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, c.id));
    await addEvent(tx, ctx, c.id, "note", now, { internal: true, body });
    await auditCase(tx, ctx, "note", c);
    return { ok: true, value: null };
  });
}
