import { and, asc, eq } from "drizzle-orm";
import type { FileStore } from "../../core/files/store.js";
import { platformSettings } from "../../core/settings/tables.js";
import type { Db } from "../../db/client.js";
import { tunisDay } from "../calendar/days.js";
import { deriveKey, newSalt, seedKeyPair, unsealBytes, unsealText } from "./crypto.js";
import type { KeyRing } from "./report-keys.js";
import type { AttachmentMeta } from "./report-uploads.js";
import {
  integrityAttachments,
  integrityMessages,
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

/** What the commands that write a report need. */
export interface SubmitContext {
  db: Db;
  files: FileStore;
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
