import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import {
  type FieldErrors,
  fieldError,
  hasErrors,
  type Result,
  text,
  type UploadedFile,
} from "../../../core/forms.js";
import { structures } from "../../../core/structures/tables.js";
import { shiftDay } from "../../calendar/days.js";
import { encodeKey, newKeyPair, newReceipt, newSalt, seal, sealText } from "../crypto.js";
import { addressees, centralUnitId, officersWithKeys } from "../officers.js";
import { recipientRows } from "../report-keys.js";
import { checkUploads, storeUploads } from "../report-uploads.js";
import {
  LIMITS,
  type ReportContent,
  type ReportField,
  type ReportInput,
  receiptHash,
  type SubmitContext,
  today,
  whistleblowerKeys,
} from "../reports.js";
import {
  integrityAttachments,
  integrityKeyRecipients,
  integrityReportKeys,
  integrityReports,
} from "../tables.js";

/**
 * Files a report: checks it, gives it its own keypairs, seals everything to them, seals their
 * private halves to every officer it is addressed to and to the whistleblower's receipt-derived
 * key, and returns the receipt (shown once, stored only as a hash). Stores no time, address or
 * browser detail: the day is all it keeps.
 */
export async function submitReport(
  { db, files }: SubmitContext,
  input: ReportInput,
  uploads: UploadedFile[],
): Promise<Result<{ receipt: string; reportId: string }, ReportField>> {
  const errors: FieldErrors<ReportField> = {};
  const sector = text(input.sector);
  const what = text(input.what);
  const when = text(input.when);
  const who = text(input.who);
  const identity = text(input.identity);
  if (!sector) errors.sector = fieldError("integrity.errors.sectorRequired");
  else if (sector.length > LIMITS.sector)
    errors.sector = fieldError("integrity.errors.sectorLong", { max: LIMITS.sector });
  if (what.length < LIMITS.what.min)
    errors.what = fieldError("integrity.errors.whatShort", { min: LIMITS.what.min });
  else if (what.length > LIMITS.what.max)
    errors.what = fieldError("integrity.errors.whatLong", { max: LIMITS.what.max });
  if (when.length > LIMITS.when) errors.when = fieldError("integrity.errors.whenLong", { max: LIMITS.when });
  if (who.length > LIMITS.who) errors.who = fieldError("integrity.errors.whoLong", { max: LIMITS.who });
  if (identity.length > LIMITS.identity)
    errors.identity = fieldError("integrity.errors.identityLong", { max: LIMITS.identity });
  if (input.contact !== "yes" && input.contact !== "no")
    errors.contact = fieldError("integrity.errors.contactRequired");

  const central = await centralUnitId(db);
  let structureId: string | null = null;
  if (input.structure && input.structure !== "central") {
    const [s] = await db
      .select({ id: structures.id })
      .from(structures)
      .where(eq(structures.code, input.structure));
    if (!s) errors.structure = fieldError("integrity.errors.structureUnknown");
    else structureId = s.id;
  }
  const officers = await officersWithKeys(db, addressees(structureId, central));
  if (!errors.structure && officers.length === 0)
    errors.structure = fieldError("integrity.errors.noOfficers");

  const checked = await checkUploads(uploads);
  if (!checked.ok) errors.attachments = checked.error;
  if (hasErrors(errors) || !checked.ok) return { ok: false, errors };

  const receipt = newReceipt();
  const hash = await receiptHash(db, receipt);
  const whistleblowerSalt = newSalt();
  const whistleblower = await whistleblowerKeys({ whistleblowerSalt }, receipt);
  const reportId = randomUUID();
  const content = newKeyPair();
  const contentKeyId = randomUUID();
  const identityKeys = identity ? newKeyPair() : null;
  const identityKeyId = identityKeys ? randomUUID() : null;
  const day = today();
  const body: ReportContent = { sector, what, when, who, contact: input.contact === "yes" };

  const attachmentRows = await storeUploads(
    files,
    checked.files,
    { id: contentKeyId, publicKey: content.publicKey },
    { reportId, messageId: null, addedOn: day },
  );
  await db.transaction(async (tx) => {
    await tx.insert(integrityReports).values({
      id: reportId,
      structureId,
      status: "new",
      receivedOn: day,
      dueOn: shiftDay(day, LIMITS.reviewDays),
      updatedOn: day,
      receiptHash: hash,
      whistleblowerSalt,
      whistleblowerPublicKey: encodeKey(whistleblower.publicKey),
      contentKeyId,
      content: sealText(JSON.stringify(body), content.publicKey),
      identityKeyId,
      identity: identityKeys ? sealText(identity, identityKeys.publicKey) : null,
    });
    await tx.insert(integrityReportKeys).values({
      id: contentKeyId,
      reportId,
      purpose: "content",
      generation: 1,
      publicKey: encodeKey(content.publicKey),
      whistleblowerSealed: seal(content.privateKey, whistleblower.publicKey),
    });
    const recipients = recipientRows(contentKeyId, content.privateKey, officers);
    if (identityKeys && identityKeyId) {
      // The identity is for officers only: a receipt, even a stolen one, never opens it.
      await tx.insert(integrityReportKeys).values({
        id: identityKeyId,
        reportId,
        purpose: "identity",
        generation: 1,
        publicKey: encodeKey(identityKeys.publicKey),
        whistleblowerSealed: null,
      });
      recipients.push(...recipientRows(identityKeyId, identityKeys.privateKey, officers));
    }
    if (recipients.length > 0) await tx.insert(integrityKeyRecipients).values(recipients);
    if (attachmentRows.length > 0) await tx.insert(integrityAttachments).values(attachmentRows);
  });
  return { ok: true, value: { receipt, reportId } };
}
