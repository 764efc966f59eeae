import { randomUUID } from "node:crypto";
import { eq, max } from "drizzle-orm";
import {
  type FieldErrors,
  fieldError,
  hasErrors,
  type Result,
  text,
  type UploadedFile,
} from "../../../core/forms.js";
import { sealText } from "../crypto.js";
import { currentContentKey } from "../report-keys.js";
import { checkUploads, storeUploads } from "../report-uploads.js";
import { LIMITS, type ReportRow, type SubmitContext, today } from "../reports.js";
import { integrityAttachments, integrityMessages, integrityReports } from "../tables.js";

/**
 * Adds a message (and, from the whistleblower, evidence) sealed to the report's current content
 * key: writing needs no private key, so nothing is opened to write.
 */
export async function addMessage(
  { db, files }: SubmitContext,
  report: ReportRow,
  author: "whistleblower" | "officer",
  input: { message?: string },
  uploads: UploadedFile[] = [],
): Promise<Result<{ messageId: string }, "message" | "attachments">> {
  const message = text(input.message);
  const errors: FieldErrors<"message" | "attachments"> = {};
  if (!message) errors.message = fieldError("integrity.errors.messageRequired");
  else if (message.length > LIMITS.message)
    errors.message = fieldError("integrity.errors.messageLong", { max: LIMITS.message });
  const checked = await checkUploads(uploads);
  if (!checked.ok) errors.attachments = checked.error;
  if (hasErrors(errors) || !checked.ok) return { ok: false, errors };
  const key = await currentContentKey(db, report.id);
  const messageId = randomUUID();
  const day = today();
  const attachmentRows = await storeUploads(files, checked.files, key, {
    reportId: report.id,
    messageId,
    addedOn: day,
  });
  await db.transaction(async (tx) => {
    const [last] = await tx
      .select({ seq: max(integrityMessages.seq) })
      .from(integrityMessages)
      .where(eq(integrityMessages.reportId, report.id));
    await tx.insert(integrityMessages).values({
      id: messageId,
      reportId: report.id,
      seq: (last?.seq ?? 0) + 1,
      author,
      keyId: key.id,
      body: sealText(message, key.publicKey),
      sentOn: day,
    });
    if (attachmentRows.length > 0) await tx.insert(integrityAttachments).values(attachmentRows);
    await tx.update(integrityReports).set({ updatedOn: day }).where(eq(integrityReports.id, report.id));
  });
  return { ok: true, value: { messageId } };
}
