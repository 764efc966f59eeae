import { eq, sql } from "drizzle-orm";
import { type ActingContext, audit } from "../../../core/audit/record.js";
import { hasRole, structuresWithRole } from "../../../core/authz/actor.js";
import type { FileStore } from "../../../core/files/store.js";
import { type FieldErrors, fieldError, type Result, text } from "../../../core/forms.js";
import { type LocalizedText, localized } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { checkAttachments, storeAttachments, type Upload } from "../../cases/attachments.js";
import { notifyUpdate } from "../notify.js";
import { recomputeAncestors } from "../progress.js";
import { type Evidence, RESULT_STATUSES, type ResultStatus, results, resultUpdates } from "../tables.js";
import { isDate, parsePercent } from "./result-fields.js";

export const UPDATE_FIELDS = [
  "happenedOn",
  "bodyAr",
  "bodyFr",
  "bodyEn",
  "status",
  "progress",
  "dropReasonAr",
  "dropReasonFr",
  "dropReasonEn",
  "evidence",
  "evidenceFiles",
] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];
export type UpdateInput = Partial<Record<UpdateField, string>>;

const BODY_MAX = 10_000;
const EVIDENCE_MAX = 10;

/** Evidence links, one a line: "https://…" or "label https://…". */
export function parseEvidence(value: string): Evidence[] | null {
  const out: Evidence[] = [];
  for (const line of value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(.*?)\s*(https?:\/\/\S+)$/i.exec(line);
    if (!m || m[2]!.length > 1000) return null;
    try {
      if (!new URL(m[2]!).hostname.includes(".")) return null;
    } catch {
      return null;
    }
    out.push({ label: (m[1] || "").slice(0, 200), url: m[2]! });
  }
  return out.length <= EVIDENCE_MAX ? out : null;
}

export interface UpdateContext extends ActingContext {
  publicUrl: string;
  /** Recorded without the clock (the import, the demo): the day it happened. */
  today?: string;
}

/** Which structure the author acts for: the result's when a member of it, else their first, else none. */
function authorStructure(ctx: ActingContext, structureId: string): string | null {
  if (hasRole(ctx.actor, structureId, "structure_admin", "agent")) return structureId;
  return structuresWithRole(ctx.actor, "structure_admin", "agent")[0] ?? null;
}

/**
 * Posts a dated update on a result: its text, its evidence, and the status and progress it sets.
 * A result with children has its progress computed from them: an update cannot set it. Moving the
 * progress of a child moves its parents', each change written in their timeline too. Audited, and
 * told to followers and to the people who commented on the consultation it comes from.
 *
 * Its evidence may include files staff upload (a report, photos of the works), checked as
 * citizens' attachments are (images or PDFs judged by their content, images stripped of metadata):
 * a file refused refuses the whole update, and stores nothing. They are public, as the result is.
 */
export async function postUpdate(
  db: Db,
  resultId: string,
  input: UpdateInput,
  ctx: UpdateContext,
  documents: { files: FileStore; uploads: Upload[] } | null = null,
): Promise<Result<{ id: string }, UpdateField>> {
  const errors: FieldErrors<UpdateField> = {};
  const today = ctx.today ?? new Date().toISOString().slice(0, 10);
  const happenedOn = text(input.happenedOn) || today;
  if (!isDate(happenedOn) || happenedOn > today)
    errors.happenedOn = fieldError("accountability.errors.happenedOn");
  const body = localized(input.bodyAr, input.bodyFr, input.bodyEn);
  if (Object.keys(body).length === 0) errors.bodyAr = fieldError("accountability.errors.bodyRequired");
  for (const [k, v] of Object.entries(body) as Array<[string, string]>)
    if (v.length > BODY_MAX)
      errors[`body${k === "ar" ? "Ar" : k === "fr" ? "Fr" : "En"}` as UpdateField] = fieldError(
        "accountability.errors.bodyLong",
        { max: BODY_MAX },
      );
  const evidence = parseEvidence(text(input.evidence));
  if (!evidence) errors.evidence = fieldError("accountability.errors.evidence", { max: EVIDENCE_MAX });
  const checked = await checkAttachments(documents?.uploads ?? []);
  if (!checked.ok) errors.evidenceFiles = checked.error;
  else if (evidence && evidence.length + checked.files.length > EVIDENCE_MAX)
    errors.evidence = fieldError("accountability.errors.evidence", { max: EVIDENCE_MAX });
  const status = text(input.status) as ResultStatus;
  if (!RESULT_STATUSES.includes(status)) errors.status = fieldError("accountability.errors.status");
  const dropReason = localized(input.dropReasonAr, input.dropReasonFr, input.dropReasonEn);
  if (status === "dropped" && Object.keys(dropReason).length === 0)
    errors.dropReasonAr = fieldError("accountability.errors.dropReason");
  for (const [k, v] of Object.entries(dropReason) as Array<[string, string]>)
    if (v.length > BODY_MAX)
      errors[`dropReason${k === "ar" ? "Ar" : k === "fr" ? "Fr" : "En"}` as UpdateField] = fieldError(
        "accountability.errors.bodyLong",
        { max: BODY_MAX },
      );
  const progressText = text(input.progress);
  const progressSet = progressText === "" ? null : parsePercent(progressText);
  if (progressText !== "" && progressSet === null)
    errors.progress = fieldError("accountability.errors.progress");
  if (Object.keys(errors).length > 0 || !checked.ok) return { ok: false, errors };
  // Written before any row names them (content-addressed: a retry rewrites nothing).
  const stored = documents ? await storeAttachments(documents.files, checked.files) : [];
  const allEvidence: Evidence[] = [
    ...evidence!,
    ...stored.map((f) => ({ label: "", fileKey: f.key, mime: f.mime })),
  ];

  return db.transaction(async (tx) => {
    const [result] = await tx.select().from(results).where(eq(results.id, resultId)).for("update");
    if (!result) return { ok: false, errors: { status: fieldError("accountability.errors.gone") } };
    const [children] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(results)
      .where(eq(results.parentId, result.id));
    const computed = Number(children?.n ?? 0) > 0;
    if (computed && progressSet !== null && progressSet !== result.progress)
      return { ok: false, errors: { progress: fieldError("accountability.errors.progressComputed") } };
    let progress = computed || progressSet === null ? result.progress : progressSet;
    if (status === "done" && !computed) progress = 100;
    const structureId = authorStructure(ctx, result.structureId);
    const [row] = await tx
      .insert(resultUpdates)
      .values({
        resultId: result.id,
        happenedOn,
        body,
        statusBefore: result.status,
        statusAfter: status,
        progressBefore: result.progress,
        progressAfter: progress,
        evidence: allEvidence,
        authorId: ctx.actor.accountId,
        authorStructureId: structureId,
      })
      .returning({ id: resultUpdates.id });
    await tx
      .update(results)
      .set({
        status,
        progress,
        dropReason: status === "dropped" ? dropReason : null,
        updatedAt: sql`now()`,
      })
      .where(eq(results.id, result.id));
    for (const moved of await recomputeAncestors(tx, result.id))
      await tx.insert(resultUpdates).values({
        resultId: moved.id,
        happenedOn,
        body: {} as LocalizedText,
        progressBefore: moved.before,
        progressAfter: moved.after,
        authorId: ctx.actor.accountId,
        authorStructureId: structureId,
      });
    await audit(
      tx,
      {
        action: "accountability.update_posted",
        subjectType: "result",
        subjectId: result.id,
        structureId: result.structureId,
        details: {
          update: row!.id,
          status: [result.status, status],
          progress: [result.progress, progress],
          authorStructure: structureId,
          files: stored.length,
        },
      },
      ctx.request,
      ctx.actor.accountId,
    );
    await notifyUpdate(
      tx,
      result,
      { status, progress, body },
      {
        actorId: ctx.actor.accountId,
        publicUrl: ctx.publicUrl,
      },
    );
    return { ok: true, value: { id: row!.id } };
  });
}
