import { eq, sql } from "drizzle-orm";
import type { FileStore } from "../../../../core/files/store.js";
import { type FieldErrors, hasErrors, type Result, text } from "../../../../core/forms.js";
import { checkAttachments, storeAttachments, type Upload } from "../../attachments.js";
import { caseAttachments, cases } from "../../tables.js";
import { notifyCitizen } from "../notify.js";
import { addEvent, auditCase, lockCase, messageProblem, nowOf, type StaffContext } from "./context.js";

export type ReplyField = "body" | "attachments";

/**
 * Answers the citizen: the request becomes "answered", its clock stops, and the citizen is mailed the
 * answer. Documents may go with it (checked as citizens' attachments are), which the citizen downloads
 * from the request's page; a file refused refuses the whole reply, and stores nothing.
 */
export async function replyToCase(
  ctx: StaffContext,
  caseId: string,
  input: { body?: string },
  documents: { files: FileStore; uploads: Upload[] } | null = null,
): Promise<Result<null, ReplyField>> {
  const body = text(input.body);
  const errors: FieldErrors<ReplyField> = {};
  const problem = messageProblem(body);
  if (problem) errors.body = problem;
  const checked = await checkAttachments(documents?.uploads ?? []);
  if (!checked.ok) errors.attachments = checked.error;
  if (hasErrors(errors) || !checked.ok) return { ok: false, errors };
  const stored = documents ? await storeAttachments(documents.files, checked.files) : [];
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
    const eventId = await addEvent(tx, ctx, c.id, "replied", now, { body });
    if (stored.length > 0)
      await tx
        .insert(caseAttachments)
        .values(stored.map((f) => ({ caseId: c.id, eventId, fileKey: f.key, mime: f.mime, size: f.size })));
    await auditCase(tx, ctx, "reply", c, { from: c.status, documents: stored.length });
    await notifyCitizen(tx, ctx.mail, updated!, { kind: "replied", body, documents: stored.length });
    return { ok: true, value: null };
  });
}
