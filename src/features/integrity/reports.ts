import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, max } from "drizzle-orm";
import { inspectUpload } from "../../core/files/inspect.js";
import type { FileStore } from "../../core/files/store.js";
import { withoutMetadata } from "../../core/files/strip.js";
import {
  type FieldErrors,
  fieldError,
  hasErrors,
  type Result,
  text,
  type UploadedFile,
} from "../../core/forms.js";
import { platformSettings } from "../../core/settings/tables.js";
import type { Db } from "../../db/client.js";
import { shiftDay, tunisDay } from "../calendar/days.js";
import { structures } from "../structures/tables.js";
import {
  deriveKey,
  encodeKey,
  newKeyPair,
  newReceipt,
  newSalt,
  seal,
  sealBytes,
  sealText,
  seedKeyPair,
  unsealBytes,
  unsealText,
} from "./crypto.js";
import { addressees, centralUnitId, officersWithKeys } from "./officers.js";
import { currentContentKey, type KeyRing, recipientRows } from "./report-keys.js";
import {
  integrityAttachments,
  integrityKeyRecipients,
  integrityMessages,
  integrityReportKeys,
  type integrityReportStatus,
  integrityReports,
} from "./tables.js";

export type ReportStatus = (typeof integrityReportStatus.enumValues)[number];
export const REPORT_STATUSES = [
  "new",
  "under_review",
  "referred",
  "closed",
] as const satisfies readonly ReportStatus[];
export type ReportRow = typeof integrityReports.$inferSelect;

export const LIMITS = {
  sector: 300,
  what: { min: 20, max: 20_000 },
  when: 300,
  who: 2_000,
  identity: 1_000,
  message: 10_000,
  attachments: 5,
  attachmentBytes: 10 * 1024 * 1024,
  /** Days officers have to review a new report. */
  reviewDays: 30,
} as const;

/** What the whistleblower wrote: sealed as one JSON document. */
export interface ReportContent {
  sector: string;
  what: string;
  when: string;
  who: string;
  contact: boolean;
}

export type ReportField =
  | "structure"
  | "sector"
  | "what"
  | "when"
  | "who"
  | "contact"
  | "identity"
  | "attachments";
export type ReportInput = Partial<Record<ReportField, string>>;

/** Today in Tunis: reports keep days, never times. */
export const today = () => tunisDay(new Date());

// --- Receipts -----------------------------------------------------------------------------------

const SALT_KEY = "integrity_receipt_salt";
const salts = new WeakMap<object, string>();

/** The per-installation salt of receipt hashes, made once. */
async function installationSalt(db: Db): Promise<string> {
  const known = salts.get(db);
  if (known) return known;
  await db.insert(platformSettings).values({ key: SALT_KEY, value: newSalt() }).onConflictDoNothing();
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, SALT_KEY));
  const salt = String(row!.value);
  salts.set(db, salt);
  return salt;
}

/** How a receipt is stored: argon2id with the installation's salt, in hex. */
export async function receiptHash(db: Db, receipt: string): Promise<string> {
  return Buffer.from(await deriveKey(receipt, await installationSalt(db))).toString("hex");
}

export async function findReportByReceipt(db: Db, receipt: string): Promise<ReportRow | null> {
  const hash = await receiptHash(db, receipt);
  const [row] = await db.select().from(integrityReports).where(eq(integrityReports.receiptHash, hash));
  return row ?? null;
}

/** The whistleblower's keypair: argon2id of the receipt with the report's own salt. */
export async function whistleblowerKeys(report: Pick<ReportRow, "whistleblowerSalt">, receipt: string) {
  return seedKeyPair(await deriveKey(receipt, report.whistleblowerSalt));
}

// --- Attachments --------------------------------------------------------------------------------

export interface AttachmentMeta {
  kind: "image" | "pdf";
  mime: string;
  extension: string;
  bytes: number;
  /** The kept original's extension, when it differs from the clean copy's. */
  originalExtension?: string;
  /** PDFs are not rewritten: they may still carry their author, software and dates. */
  mayCarryMetadata: boolean;
}

interface CheckedUpload {
  original: Buffer;
  clean: Buffer | null;
  meta: AttachmentMeta;
}

/**
 * Checks uploads by content. Images get a copy re-encoded without metadata (what officers open),
 * and the original kept as evidence loses its location and device details too (same pixels).
 */
export async function checkUploads(
  uploads: UploadedFile[],
): Promise<{ ok: true; files: CheckedUpload[] } | { ok: false; error: ReturnType<typeof fieldError> }> {
  if (uploads.length > LIMITS.attachments)
    return {
      ok: false,
      error: fieldError("integrity.errors.attachmentsTooMany", { max: LIMITS.attachments }),
    };
  const files: CheckedUpload[] = [];
  for (const upload of uploads) {
    if (upload.truncated)
      return { ok: false, error: fieldError("integrity.errors.attachmentTooLarge", { size: 10 }) };
    const result = await inspectUpload(upload.data, {
      maxBytes: LIMITS.attachmentBytes,
      accept: ["image", "pdf"],
    });
    if (!result.ok)
      return {
        ok: false,
        error: fieldError(
          result.problem === "tooLarge"
            ? "integrity.errors.attachmentTooLarge"
            : "integrity.errors.attachmentType",
          { size: 10 },
        ),
      };
    const { file } = result;
    const original = file.kind === "image" ? await withoutMetadata(upload.data) : null;
    files.push({
      original: original?.data ?? upload.data,
      clean: file.kind === "image" ? file.data : null,
      meta: {
        kind: file.kind,
        mime: file.mime,
        extension: file.extension,
        ...(original && original.extension !== file.extension
          ? { originalExtension: original.extension }
          : {}),
        bytes: file.data.length,
        mayCarryMetadata: file.kind === "pdf",
      },
    });
  }
  return { ok: true, files };
}

const fileKey = () => `integrity/${randomBytes(2).toString("hex")}/${randomBytes(16).toString("hex")}`;

/** Writes sealed files to the store; returns the attachment rows to insert. */
async function storeUploads(
  files: FileStore,
  checked: CheckedUpload[],
  key: { id: string; publicKey: Uint8Array },
  row: { reportId: string; messageId: string | null; addedOn: string },
) {
  const rows = [];
  for (const upload of checked) {
    const originalFile = fileKey();
    await files.put(originalFile, sealBytes(upload.original, key.publicKey));
    let cleanFile: string | null = null;
    if (upload.clean) {
      cleanFile = fileKey();
      await files.put(cleanFile, sealBytes(upload.clean, key.publicKey));
    }
    rows.push({
      ...row,
      keyId: key.id,
      meta: sealText(JSON.stringify(upload.meta), key.publicKey),
      originalFile,
      cleanFile,
    });
  }
  return rows;
}

// --- Submission ---------------------------------------------------------------------------------

export interface SubmitContext {
  db: Db;
  files: FileStore;
}

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
    errors.sector = fieldError("integrity.errors.tooLong", { max: LIMITS.sector });
  if (what.length < LIMITS.what.min)
    errors.what = fieldError("integrity.errors.whatShort", { min: LIMITS.what.min });
  else if (what.length > LIMITS.what.max)
    errors.what = fieldError("integrity.errors.tooLong", { max: LIMITS.what.max });
  if (when.length > LIMITS.when) errors.when = fieldError("integrity.errors.tooLong", { max: LIMITS.when });
  if (who.length > LIMITS.who) errors.who = fieldError("integrity.errors.tooLong", { max: LIMITS.who });
  if (identity.length > LIMITS.identity)
    errors.identity = fieldError("integrity.errors.tooLong", { max: LIMITS.identity });
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

// --- Reading ------------------------------------------------------------------------------------

export interface AttachmentView {
  id: string;
  meta: AttachmentMeta | null;
}

export interface MessageView {
  id: string;
  author: "whistleblower" | "officer";
  body: string | null;
  sentOn: string;
  attachments: AttachmentView[];
}

export interface ReportView {
  report: ReportRow;
  content: ReportContent | null;
  /** undefined: none was given; null: given, but this reader cannot open it. */
  identity?: string | null;
  attachments: AttachmentView[];
  messages: MessageView[];
}

function open(ring: KeyRing, keyId: string, sealed: string): string | null {
  const pair = ring.get(keyId);
  return pair ? unsealText(sealed, pair) : null;
}

/** Everything of a report a key ring opens, in order. */
export async function readReport(db: Db, report: ReportRow, ring: KeyRing, options: { identity: boolean }) {
  const [messages, attachments] = await Promise.all([
    db
      .select()
      .from(integrityMessages)
      .where(eq(integrityMessages.reportId, report.id))
      .orderBy(asc(integrityMessages.seq)),
    db.select().from(integrityAttachments).where(eq(integrityAttachments.reportId, report.id)),
  ]);
  const attachmentView = (a: (typeof attachments)[number]): AttachmentView => {
    const meta = open(ring, a.keyId, a.meta);
    return { id: a.id, meta: meta ? (JSON.parse(meta) as AttachmentMeta) : null };
  };
  const contentText = open(ring, report.contentKeyId, report.content);
  const view: ReportView = {
    report,
    content: contentText ? (JSON.parse(contentText) as ReportContent) : null,
    attachments: attachments.filter((a) => a.messageId === null).map(attachmentView),
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author,
      body: open(ring, m.keyId, m.body),
      sentOn: m.sentOn,
      attachments: attachments.filter((a) => a.messageId === m.id).map(attachmentView),
    })),
  };
  if (options.identity && report.identity && report.identityKeyId)
    view.identity = open(ring, report.identityKeyId, report.identity);
  return view;
}

/** One attachment's file, opened: the clean copy, or the sealed original kept as evidence. */
export async function openAttachment(
  db: Db,
  files: FileStore,
  report: ReportRow,
  ring: KeyRing,
  attachmentId: string,
  which: "clean" | "original",
): Promise<{ data: Buffer; meta: AttachmentMeta } | null> {
  const [row] = await db
    .select()
    .from(integrityAttachments)
    .where(and(eq(integrityAttachments.id, attachmentId), eq(integrityAttachments.reportId, report.id)));
  const pair = row ? ring.get(row.keyId) : undefined;
  if (!row || !pair) return null;
  const metaText = unsealText(row.meta, pair);
  const fileKeyName = which === "original" ? row.originalFile : (row.cleanFile ?? row.originalFile);
  const sealed = await files.get(fileKeyName);
  const data = sealed ? unsealBytes(sealed, pair) : null;
  if (!metaText || !data) return null;
  return { data, meta: JSON.parse(metaText) as AttachmentMeta };
}

// --- The conversation ---------------------------------------------------------------------------

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
    errors.message = fieldError("integrity.errors.tooLong", { max: LIMITS.message });
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

export async function setReportStatus(db: Db, report: ReportRow, status: string): Promise<boolean> {
  if (!(REPORT_STATUSES as readonly string[]).includes(status) || status === report.status) return false;
  await db
    .update(integrityReports)
    .set({ status: status as ReportStatus, updatedOn: today() })
    .where(eq(integrityReports.id, report.id));
  return true;
}
