import { eq, sql } from "drizzle-orm";
import { type Result, text } from "../../../../core/forms.js";
import { findDeadlinePolicy } from "../../../calendar/queries.js";
import { cases } from "../../tables.js";
import { notifyCitizen } from "../notify.js";
import { addEvent, auditCase, lockCase, messageProblem, nowOf, type StaffContext } from "./context.js";

export type RequestInfoField = "body";

/**
 * Asks the citizen for more information: the request waits for them, and its clock stops when the
 * deadline policy allows it and the deadline has not passed (a question never hides a late request).
 * The stop shows in paused_at and in the event's details {paused}.
 */
export async function requestInfo(
  ctx: StaffContext,
  caseId: string,
  input: { body?: string },
): Promise<Result<{ paused: boolean }, RequestInfoField>> {
  const body = text(input.body);
  const problem = messageProblem(body);
  if (problem) return { ok: false, errors: { body: problem } };
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId, "askInfo");
    const now = nowOf(ctx);
    const policy = await findDeadlinePolicy(tx, c.type, c.structureId);
    // The access-to-information law provides no suspension (access-law.ts), whatever the policy says.
    const paused = Boolean(
      c.type !== "information" && policy?.pauseAllowed && c.dueAt && now.getTime() <= c.dueAt.getTime(),
    );
    const [updated] = await tx
      .update(cases)
      .set({
        status: "awaiting_citizen",
        pausedAt: paused ? now : null,
        firstResponseAt: sql`coalesce(${cases.firstResponseAt}, ${now.toISOString()}::timestamptz)`,
        updatedAt: now,
      })
      .where(eq(cases.id, c.id))
      .returning();
    await addEvent(tx, ctx, c.id, "info_requested", now, { body, details: { paused } });
    await auditCase(tx, ctx, "request_info", c, { paused });
    await notifyCitizen(tx, ctx.mail, updated!, { kind: "infoRequested", body });
    return { ok: true, value: { paused } };
  });
}
