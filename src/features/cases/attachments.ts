import { inspectUpload } from "../../core/files/inspect.js";
import { contentKey, type FileStore } from "../../core/files/store.js";
import { type FieldError, fieldError } from "../../core/forms.js";
import { LIMITS } from "./rules.js";

/** A file as a form sent it: cut short (truncated) when it was longer than the route's limit. */
export interface Upload {
  data: Buffer;
  truncated: boolean;
}

export interface StoredAttachment {
  key: string;
  mime: string;
  size: number;
}

/** The upload limits of a form that takes request attachments (route `config.upload`). */
export const ATTACHMENT_UPLOADS = { maxFileSize: LIMITS.attachmentBytes, maxFiles: LIMITS.attachments };

/**
 * Checks the files attached to a request or to a reply, the same way for citizens and staff: at
 * most LIMITS.attachments, each an image or a PDF judged by its content, within the size limit;
 * images come back re-encoded without metadata. The first problem is the form's error.
 */
export async function checkAttachments(
  uploads: Upload[],
): Promise<{ ok: true; files: Array<{ data: Buffer; mime: string }> } | { ok: false; error: FieldError }> {
  const max = LIMITS.attachmentBytes / 1024 / 1024;
  if (uploads.length > LIMITS.attachments)
    return { ok: false, error: fieldError("cases.errors.tooManyFiles", { max: LIMITS.attachments }) };
  const files: Array<{ data: Buffer; mime: string }> = [];
  for (const upload of uploads) {
    if (upload.truncated) return { ok: false, error: fieldError("cases.errors.fileTooLarge", { max }) };
    const inspected = await inspectUpload(upload.data, {
      maxBytes: LIMITS.attachmentBytes,
      accept: ["image", "pdf"],
    });
    if (!inspected.ok)
      return { ok: false, error: fieldError(`cases.errors.file.${inspected.problem}`, { max }) };
    files.push({ data: inspected.file.data, mime: inspected.file.mime });
  }
  return { ok: true, files };
}

/** Writes checked files to the store, content-addressed (a retry rewrites nothing), before any row names them. */
export async function storeAttachments(
  store: FileStore,
  files: Array<{ data: Buffer; mime: string }>,
): Promise<StoredAttachment[]> {
  const stored: StoredAttachment[] = [];
  for (const file of files) {
    const { key } = contentKey(file.data);
    if (!(await store.get(key))) await store.put(key, file.data);
    stored.push({ key, mime: file.mime, size: file.data.length });
  }
  return stored;
}
