import { and, count, eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { inspectUpload } from "../../../core/files/inspect.js";
import { contentKey, type FileStore } from "../../../core/files/store.js";
import {
  type FieldErrors,
  fieldError,
  hasErrors,
  type Result,
  text,
  type UploadedFile,
} from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { LIMITS } from "../fields.js";
import type { Consultation, ConsultationDocument } from "../queries.js";
import { consultationDocuments } from "../tables.js";

export type DocumentField = "title" | "file";

/** Attaches a PDF to a consultation, checked by its content (files/inspect). */
export async function addDocument(
  db: Db,
  files: FileStore,
  c: Consultation,
  input: { title?: string },
  upload: UploadedFile | undefined,
  context: ChangeContext,
): Promise<Result<{ id: string }, DocumentField>> {
  const errors: FieldErrors<DocumentField> = {};
  const title = text(input.title);
  if (!title) errors.title = fieldError("consultations.errors.documentTitleRequired");
  else if ([...title].length > LIMITS.documentTitle)
    errors.title = fieldError("consultations.errors.textTooLong", {
      max: LIMITS.documentTitle,
      field: "documentTitle",
    });
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(consultationDocuments)
    .where(eq(consultationDocuments.consultationId, c.id));
  if (n >= LIMITS.documents)
    errors.file = fieldError("consultations.errors.documentsTooMany", { max: LIMITS.documents });
  let data: Buffer | null = null;
  const maxMb = LIMITS.documentBytes / 1024 / 1024;
  if (!upload) errors.file = fieldError("consultations.errors.documentRequired");
  else if (upload.truncated) errors.file = fieldError("consultations.errors.file.tooLarge", { max: maxMb });
  else {
    const inspected = await inspectUpload(upload.data, { maxBytes: LIMITS.documentBytes, accept: ["pdf"] });
    if (!inspected.ok)
      errors.file = fieldError(`consultations.errors.file.${inspected.problem}`, { max: maxMb });
    else data = inspected.file.data;
  }
  if (hasErrors(errors) || !data) return { ok: false, errors };
  const { key } = contentKey(data);
  if (!(await files.get(key))) await files.put(key, data);
  const [row] = await db
    .insert(consultationDocuments)
    .values({ consultationId: c.id, title, fileKey: key, mime: "application/pdf", size: data.length })
    .returning({ id: consultationDocuments.id });
  await audit(
    db,
    {
      action: "consultation.document.add",
      subjectType: "consultation",
      subjectId: c.id,
      structureId: c.structureId,
      details: { documentId: row!.id },
    },
    context.request,
    context.actorId,
  );
  return { ok: true, value: row! };
}

/** Removes a document from the consultation (the stored file may be shared, so it stays). */
export async function deleteDocument(
  db: Db,
  c: Consultation,
  doc: ConsultationDocument,
  context: ChangeContext,
) {
  await db
    .delete(consultationDocuments)
    .where(and(eq(consultationDocuments.id, doc.id), eq(consultationDocuments.consultationId, c.id)));
  await audit(
    db,
    {
      action: "consultation.document.delete",
      subjectType: "consultation",
      subjectId: c.id,
      structureId: c.structureId,
      details: { documentId: doc.id },
    },
    context.request,
    context.actorId,
  );
}
