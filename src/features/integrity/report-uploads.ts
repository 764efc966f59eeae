import { randomBytes } from "node:crypto";
import { inspectUpload } from "../../core/files/inspect.js";
import type { FileStore } from "../../core/files/store.js";
import { withoutMetadata } from "../../core/files/strip.js";
import { fieldError, type UploadedFile } from "../../core/forms.js";
import { sealBytes, sealText } from "./crypto.js";
import { LIMITS } from "./reports.js";

/** A report's evidence: checked by content, then sealed to the report's key before it is stored. */

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

export interface CheckedUpload {
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
export async function storeUploads(
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
