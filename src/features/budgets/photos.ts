import { and, asc, eq, inArray } from "drizzle-orm";
import { inspectUpload } from "../../core/files/inspect.js";
import type { FileStore } from "../../core/files/store.js";
import { type FieldErrors, fieldError, text, type UploadedFile } from "../../core/forms.js";
import type { Db } from "../../db/client.js";
import { storeAttachments } from "../cases/attachments.js";
import { budgetProposalPhotos, type ProposalPhotoRow } from "./tables.js";

/** At most this many photos per proposal, each in its own field (photo1…photo3, with photo1Alt…). */
export const PROPOSAL_PHOTOS = 3;
export const PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_ALT_MAX = 150;
/** The propose form's upload limits (route `config.upload`). */
export const PHOTO_UPLOADS = { maxFileSize: PHOTO_BYTES, maxFiles: PROPOSAL_PHOTOS };
export const PHOTO_SLOTS = [1, 2, 3] as const;
export type PhotoSlot = (typeof PHOTO_SLOTS)[number];
export type PhotoField = `photo${PhotoSlot}` | `photo${PhotoSlot}Alt`;
export const PHOTO_FIELDS = PHOTO_SLOTS.flatMap((n) => [`photo${n}`, `photo${n}Alt`] as PhotoField[]);
/** The small copy in the list of proposals: CSS pixels, drawn at half this on a dense screen. */
export const THUMB = { width: 160, height: 120 };

export interface CheckedPhoto {
  position: PhotoSlot;
  data: Buffer;
  mime: string;
  width: number;
  height: number;
  thumb: Buffer;
  alt: string;
}

/**
 * Checks a proposal's photos with the platform's one upload check (core/files/inspect.ts: judged by
 * content, images only, re-encoded without metadata, within the size limit), each with the short
 * description its author gave for people who cannot see it (required with a photo). Its small copy
 * for the list is made from the checked image.
 */
export async function checkProposalPhotos(
  uploads: UploadedFile[],
  fields: Partial<Record<string, string>>,
): Promise<{ photos: CheckedPhoto[]; errors: FieldErrors<PhotoField> }> {
  const errors: FieldErrors<PhotoField> = {};
  const photos: CheckedPhoto[] = [];
  const max = PHOTO_BYTES / 1024 / 1024;
  if (uploads.length > PROPOSAL_PHOTOS) {
    errors.photo1 = fieldError("budgets.photos.errors.tooMany", { max: PROPOSAL_PHOTOS });
    return { photos, errors };
  }
  for (const n of PHOTO_SLOTS) {
    const files = uploads.filter((u) => u.field === `photo${n}`);
    const alt = text(fields[`photo${n}Alt`]);
    if (files.length === 0) continue;
    if (files.length > 1) {
      errors[`photo${n}`] = fieldError("budgets.photos.errors.tooMany", { max: PROPOSAL_PHOTOS });
      continue;
    }
    if (!alt) errors[`photo${n}Alt`] = fieldError("budgets.photos.errors.altRequired");
    else if ([...alt].length > PHOTO_ALT_MAX)
      errors[`photo${n}Alt`] = fieldError("budgets.photos.errors.altLong", { max: PHOTO_ALT_MAX });
    const file = files[0]!;
    const inspected = file.truncated
      ? ({ ok: false, problem: "tooLarge" } as const)
      : await inspectUpload(file.data, { maxBytes: PHOTO_BYTES, accept: ["image"] });
    if (!inspected.ok) {
      errors[`photo${n}`] = fieldError(`budgets.photos.errors.${inspected.problem}`, { max });
      continue;
    }
    const { default: sharp } = await import("sharp");
    const { width = 0, height = 0 } = await sharp(inspected.file.data).metadata();
    const thumb = await sharp(inspected.file.data)
      .resize({ ...THUMB, fit: "cover" })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 70, mozjpeg: true })
      .toBuffer();
    photos.push({
      position: n,
      data: inspected.file.data,
      mime: inspected.file.mime,
      width,
      height,
      thumb,
      alt,
    });
  }
  return { photos, errors };
}

/** Writes checked photos and their small copies to the file store (content-addressed), before any row names them. */
export async function storeProposalPhotos(files: FileStore, photos: CheckedPhoto[]) {
  const out: Array<Omit<typeof budgetProposalPhotos.$inferInsert, "proposalId">> = [];
  for (const p of photos) {
    const [main, thumb] = await storeAttachments(files, [
      { data: p.data, mime: p.mime },
      { data: p.thumb, mime: "image/jpeg" },
    ]);
    out.push({
      position: p.position,
      fileKey: main!.key,
      mime: main!.mime,
      width: p.width,
      height: p.height,
      thumbKey: thumb!.key,
      alt: p.alt,
    });
  }
  return out;
}

export async function listProposalPhotos(db: Db, proposalId: string): Promise<ProposalPhotoRow[]> {
  return db
    .select()
    .from(budgetProposalPhotos)
    .where(eq(budgetProposalPhotos.proposalId, proposalId))
    .orderBy(asc(budgetProposalPhotos.position));
}

export async function findProposalPhoto(db: Db, proposalId: string, position: number) {
  if (!PHOTO_SLOTS.includes(position as PhotoSlot)) return null;
  const [row] = await db
    .select()
    .from(budgetProposalPhotos)
    .where(and(eq(budgetProposalPhotos.proposalId, proposalId), eq(budgetProposalPhotos.position, position)));
  return row ?? null;
}

/** The first photo of each of these proposals (the list's thumbnails). */
export async function firstPhotos(db: Db, proposalIds: string[]): Promise<Map<string, ProposalPhotoRow>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(budgetProposalPhotos)
    .where(inArray(budgetProposalPhotos.proposalId, proposalIds))
    .orderBy(asc(budgetProposalPhotos.position));
  const first = new Map<string, ProposalPhotoRow>();
  for (const r of rows) if (!first.has(r.proposalId)) first.set(r.proposalId, r);
  return first;
}
