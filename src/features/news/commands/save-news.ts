import { eq } from "drizzle-orm";
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
import { type LocalizedText, localized } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import type { NewsRow } from "../queries.js";
import { newsCategory, newsItems } from "../tables.js";

export type NewsField =
  | "structureId"
  | "category"
  | "titleAr"
  | "titleFr"
  | "titleEn"
  | "summaryAr"
  | "summaryFr"
  | "summaryEn"
  | "bodyAr"
  | "bodyFr"
  | "bodyEn"
  | "image"
  | "imageAltAr"
  | "imageAltFr"
  | "imageAltEn"
  | "removeImage";
export type NewsInput = Partial<Record<NewsField, string>>;

export const NEWS_LIMITS = {
  title: 200,
  summary: 500,
  body: 20_000,
  alt: 300,
  /** An announcement's photo: re-encoded, at most 2560 px on its longest side. */
  imageBytes: 5 * 1024 * 1024,
};

type NewsValues = Pick<
  typeof newsItems.$inferInsert,
  "structureId" | "category" | "title" | "summary" | "body" | "imageAlt"
>;

function tooLong(value: LocalizedText, max: number): boolean {
  return Object.values(value).some((v) => [...(v ?? "")].length > max);
}

/**
 * Checks a news form: `writers` are the structures the actor may publish for, `current` the item
 * being edited (its image kept unless replaced or removed). The Arabic title is required; other
 * languages fall back to it. An image needs its Arabic description (alt text).
 */
async function parseNews(
  input: NewsInput,
  uploads: UploadedFile[],
  writers: ReadonlySet<string> | "all",
  current: NewsRow | null,
): Promise<Result<NewsValues & { image: { data: Buffer; mime: string } | null | "keep" }, NewsField>> {
  const errors: FieldErrors<NewsField> = {};
  const structureId = text(input.structureId);
  if (!structureId || (writers !== "all" && !writers.has(structureId)))
    errors.structureId = fieldError("news.errors.structureRequired");
  const category = text(input.category);
  if (!(newsCategory.enumValues as readonly string[]).includes(category))
    errors.category = fieldError("news.errors.categoryRequired");
  const title = localized(input.titleAr, input.titleFr, input.titleEn);
  if (!title.ar) errors.titleAr = fieldError("news.errors.titleRequired");
  else if (tooLong(title, NEWS_LIMITS.title))
    errors.titleAr = fieldError("news.errors.titleLong", { max: NEWS_LIMITS.title });
  const summary = localized(input.summaryAr, input.summaryFr, input.summaryEn);
  if (tooLong(summary, NEWS_LIMITS.summary))
    errors.summaryAr = fieldError("news.errors.summaryLong", { max: NEWS_LIMITS.summary });
  const body = localized(input.bodyAr, input.bodyFr, input.bodyEn);
  if (tooLong(body, NEWS_LIMITS.body))
    errors.bodyAr = fieldError("news.errors.bodyLong", { max: NEWS_LIMITS.body });

  let image: { data: Buffer; mime: string } | null | "keep" =
    current?.imageKey && input.removeImage !== "yes" ? "keep" : null;
  if (uploads.length > 1) errors.image = fieldError("news.errors.image.tooMany");
  else if (uploads[0]) {
    const inspected = uploads[0].truncated
      ? ({ ok: false, problem: "tooLarge" } as const)
      : await inspectUpload(uploads[0].data, { maxBytes: NEWS_LIMITS.imageBytes, accept: ["image"] });
    if (!inspected.ok)
      errors.image = fieldError(`news.errors.image.${inspected.problem}`, {
        max: NEWS_LIMITS.imageBytes / 1024 / 1024,
      });
    else image = { data: inspected.file.data, mime: inspected.file.mime };
  }
  const imageAlt = localized(input.imageAltAr, input.imageAltFr, input.imageAltEn);
  if ((image || errors.image) && !imageAlt.ar) errors.imageAltAr = fieldError("news.errors.altRequired");
  else if (tooLong(imageAlt, NEWS_LIMITS.alt))
    errors.imageAltAr = fieldError("news.errors.altLong", { max: NEWS_LIMITS.alt });
  if (hasErrors(errors)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      structureId,
      category: category as NewsValues["category"],
      title,
      summary,
      body,
      imageAlt: image ? imageAlt : {},
      image,
    },
  };
}

/** The image columns for a checked image: stored once under its content key. */
async function storedImage(
  files: FileStore,
  image: { data: Buffer; mime: string } | null | "keep",
): Promise<Partial<Pick<NewsRow, "imageKey" | "imageMime">>> {
  if (image === "keep") return {};
  if (!image) return { imageKey: null, imageMime: null };
  const { key } = contentKey(image.data);
  if (!(await files.get(key))) await files.put(key, image.data);
  return { imageKey: key, imageMime: image.mime };
}

export interface NewsContext extends ChangeContext {
  files: FileStore;
}

/** Creates a news item as a draft. */
export async function createNews(
  db: Db,
  input: NewsInput,
  uploads: UploadedFile[],
  writers: ReadonlySet<string> | "all",
  context: NewsContext,
): Promise<Result<{ id: string }, NewsField>> {
  const parsed = await parseNews(input, uploads, writers, null);
  if (!parsed.ok) return parsed;
  const { image, ...values } = parsed.value;
  const columns = await storedImage(context.files, image);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(newsItems)
      .values({ ...values, ...columns, createdBy: context.actorId })
      .returning({ id: newsItems.id });
    await audit(
      tx,
      {
        action: "news.create",
        subjectType: "news_item",
        subjectId: row!.id,
        structureId: values.structureId,
      },
      context.request,
      context.actorId,
    );
    return { ok: true as const, value: { id: row!.id } };
  });
}

/** Edits a news item (published or not): its text, category, structure and image. */
export async function updateNews(
  db: Db,
  item: NewsRow,
  input: NewsInput,
  uploads: UploadedFile[],
  writers: ReadonlySet<string> | "all",
  context: NewsContext,
): Promise<Result<{ id: string }, NewsField>> {
  const parsed = await parseNews(input, uploads, writers, item);
  if (!parsed.ok) return parsed;
  const { image, ...values } = parsed.value;
  const columns = await storedImage(context.files, image);
  return db.transaction(async (tx) => {
    await tx
      .update(newsItems)
      .set({ ...values, ...columns })
      .where(eq(newsItems.id, item.id));
    await audit(
      tx,
      {
        action: "news.update",
        subjectType: "news_item",
        subjectId: item.id,
        structureId: values.structureId,
      },
      context.request,
      context.actorId,
    );
    return { ok: true as const, value: { id: item.id } };
  });
}
