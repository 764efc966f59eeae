import { eq } from "drizzle-orm";
import { inspectUpload } from "../../../core/files/inspect.js";
import { contentKey, type FileStore } from "../../../core/files/store.js";
import {
  type FieldErrors,
  fieldError,
  hasErrors,
  lengthProblem,
  type Result,
  text,
  type UploadedFile,
} from "../../../core/forms.js";
import { governorates, structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { blockedError, recordHold, screenPosting } from "../../moderation/screen.js";
import { addFollow } from "../../subscriptions/commands.js";
import { LIMITS } from "../rules.js";
import { ideaEvents, ideas, ideaThemes } from "../tables.js";

export type IdeaField = "title" | "description" | "structure" | "theme" | "area" | "image" | "form";
export interface IdeaInput {
  title?: string;
  description?: string;
  structure?: string;
  theme?: string;
  area?: string;
  submissionKey?: string;
}

/**
 * Files a citizen's idea, addressed to a structure (by code) or a theme, with an optional image
 * (re-encoded, without metadata). The author follows it. It may be held for review (moderation's
 * screening), or refused while the account is blocked. A double submit returns the first idea.
 */
export async function submitIdea(
  ctx: { db: Db; files: FileStore },
  authorId: string,
  input: IdeaInput,
  uploads: UploadedFile[],
): Promise<Result<{ id: string; held: boolean }, IdeaField>> {
  const { db } = ctx;
  const errors: FieldErrors<IdeaField> = {};
  const title = text(input.title);
  const description = text(input.description);
  const titleProblem = lengthProblem(title, LIMITS.title, "ideas.errors.title");
  if (titleProblem) errors.title = titleProblem;
  const descriptionProblem = lengthProblem(description, LIMITS.description, "ideas.errors.description");
  if (descriptionProblem) errors.description = descriptionProblem;
  const [structure, theme, area] = await Promise.all([
    text(input.structure)
      ? db
          .select({ id: structures.id, retiredAt: structures.retiredAt })
          .from(structures)
          .where(eq(structures.code, text(input.structure)))
          .then((r) => r[0])
      : null,
    text(input.theme)
      ? db
          .select({ id: ideaThemes.id })
          .from(ideaThemes)
          .where(eq(ideaThemes.code, text(input.theme)))
          .then((r) => r[0])
      : null,
    text(input.area)
      ? db
          .select({ code: governorates.code })
          .from(governorates)
          .where(eq(governorates.code, text(input.area)))
          .then((r) => r[0])
      : null,
  ]);
  if (text(input.structure) && (!structure || structure.retiredAt))
    errors.structure = fieldError("ideas.errors.choice");
  if (text(input.theme) && !theme) errors.theme = fieldError("ideas.errors.choice");
  if (text(input.area) && !area) errors.area = fieldError("ideas.errors.choice");
  if (!text(input.structure) && !text(input.theme)) errors.structure = fieldError("ideas.errors.addressee");

  let image: { data: Buffer; mime: string } | null = null;
  if (uploads.length > 1) errors.image = fieldError("ideas.errors.oneImage");
  else if (uploads[0]) {
    const inspected = uploads[0].truncated
      ? ({ ok: false, problem: "tooLarge" } as const)
      : await inspectUpload(uploads[0].data, { maxBytes: LIMITS.imageBytes, accept: ["image"] });
    if (!inspected.ok)
      errors.image = fieldError(`ideas.errors.image.${inspected.problem}`, {
        max: LIMITS.imageBytes / 1024 / 1024,
      });
    else image = { data: inspected.file.data, mime: inspected.file.mime };
  }
  const submissionKey = text(input.submissionKey);
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(submissionKey)) errors.form = fieldError("ideas.errors.formExpired");
  if (hasErrors(errors)) return { ok: false, errors };

  const [existing] = await db
    .select({ id: ideas.id, authorId: ideas.authorId, state: ideas.moderationState })
    .from(ideas)
    .where(eq(ideas.submissionKey, submissionKey));
  if (existing) {
    if (existing.authorId !== authorId)
      return { ok: false, errors: { form: fieldError("ideas.errors.formExpired") } };
    return { ok: true, value: { id: existing.id, held: existing.state === "held" } };
  }

  let imageKey: string | null = null;
  if (image) {
    imageKey = contentKey(image.data).key;
    if (!(await ctx.files.get(imageKey))) await ctx.files.put(imageKey, image.data);
  }
  return db.transaction(async (tx) => {
    const screening = await screenPosting(tx, {
      accountId: authorId,
      kind: "idea",
      text: `${title}\n${description}`,
    });
    if (screening.blockedUntil)
      return {
        ok: false,
        errors: {
          form: blockedError(screening.blockedUntil),
        },
      };
    const hold = screening.hold;
    const [row] = await tx
      .insert(ideas)
      .values({
        submissionKey,
        authorId,
        structureId: structure?.id ?? null,
        themeId: theme?.id ?? null,
        governorateCode: area?.code ?? null,
        title,
        description,
        imageKey,
        imageMime: image?.mime ?? null,
        moderationState: hold ? "held" : "visible",
      })
      .onConflictDoNothing({ target: ideas.submissionKey })
      .returning({ id: ideas.id });
    if (!row) {
      const [first] = await tx
        .select({ id: ideas.id })
        .from(ideas)
        .where(eq(ideas.submissionKey, submissionKey));
      return { ok: true, value: { id: first!.id, held: false } };
    }
    await tx
      .insert(ideaEvents)
      .values({ ideaId: row.id, kind: "submitted", status: "under_review", actorId: authorId });
    await addFollow(tx, authorId, "idea", row.id);
    if (hold) await recordHold(tx, { kind: "idea", itemId: row.id, authorId }, hold);
    return { ok: true, value: { id: row.id, held: hold !== null } };
  });
}
