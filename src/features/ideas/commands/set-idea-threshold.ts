import { and, eq, gte, isNull } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { asciiDigits } from "../../calendar/commands/fields.js";
import { THRESHOLD_LIMITS } from "../rules.js";
import { ideas, ideaThresholds } from "../tables.js";
import { markThresholdReached } from "./idea-actions.js";

export type ThresholdField = "structure" | "supports" | "answerDays";
export type ThresholdInput = Partial<Record<ThresholdField, string>>;

/**
 * A whole number typed in a form (Arabic-Indic digits too; spaces and the Arabic thousands separator
 * ignored), or null. Dots and commas are refused: "2.5" or "1,5" is not read as 25 or 15.
 */
function wholeNumber(value: string | undefined): number | null {
  const digits = asciiDigits(text(value)).replace(/[\s\u066c]/g, "");
  return /^\d{1,7}$/.test(digits) ? Number(digits) : null;
}

/**
 * Sets a structure's idea threshold (supports that call for an official answer, and the days to give
 * it), creating or replacing it; audited "idea_threshold.update" with the old and new values. The
 * caller has checked that the actor may (canSetThreshold) and passes an active structure's id.
 *
 * Ideas already answered or past their threshold keep the clock they had. A visible idea not yet
 * past it whose supports already reach the new threshold reaches it now: its clock starts with the
 * new number of days, and its followers are told, in the same transaction.
 */
export async function setIdeaThreshold(
  db: Db,
  structureId: string | null,
  input: ThresholdInput,
  context: { request?: FastifyRequest; actorId?: string | null; now?: Date },
): Promise<Result<{ reached: number }, ThresholdField>> {
  const errors: FieldErrors<ThresholdField> = {};
  if (!structureId) errors.structure = fieldError("ideas.errors.choice");
  const supports = wholeNumber(input.supports);
  const [minSupports, maxSupports] = THRESHOLD_LIMITS.supports;
  if (supports === null || supports < minSupports || supports > maxSupports)
    errors.supports = fieldError("ideas.errors.number", { min: minSupports, max: maxSupports });
  const answerDays = wholeNumber(input.answerDays);
  const [minDays, maxDays] = THRESHOLD_LIMITS.answerDays;
  if (answerDays === null || answerDays < minDays || answerDays > maxDays)
    errors.answerDays = fieldError("ideas.errors.number", { min: minDays, max: maxDays });
  if (hasErrors(errors)) return { ok: false, errors };

  const now = context.now ?? new Date();
  const values = { supports: supports!, answerDays: answerDays! };
  const reached = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ supports: ideaThresholds.supports, answerDays: ideaThresholds.answerDays })
      .from(ideaThresholds)
      .where(eq(ideaThresholds.structureId, structureId!));
    await tx
      .insert(ideaThresholds)
      .values({ structureId: structureId!, ...values })
      .onConflictDoUpdate({ target: ideaThresholds.structureId, set: { ...values, updatedAt: now } });
    const due = await tx
      .select({ id: ideas.id, title: ideas.title })
      .from(ideas)
      .where(
        and(
          eq(ideas.structureId, structureId!),
          eq(ideas.moderationState, "visible"),
          isNull(ideas.thresholdReachedAt),
          isNull(ideas.answeredAt),
          gte(ideas.supportCount, values.supports),
        ),
      );
    let count = 0;
    for (const idea of due) if (await markThresholdReached(tx, idea, values.answerDays, now)) count += 1;
    await audit(
      tx,
      {
        action: "idea_threshold.update",
        subjectType: "structure",
        subjectId: structureId,
        structureId,
        details: { ...values, before: before ?? null, reached: count },
      },
      context.request,
      context.actorId,
    );
    return count;
  });
  return { ok: true, value: { reached } };
}

/**
 * Removes a structure's own threshold: the default applies again to ideas not yet past it. Audited
 * "idea_threshold.remove" with the old values when there was one; nothing happens otherwise.
 */
export async function removeIdeaThreshold(
  db: Db,
  structureId: string,
  context: { request?: FastifyRequest; actorId?: string | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .delete(ideaThresholds)
      .where(eq(ideaThresholds.structureId, structureId))
      .returning({ supports: ideaThresholds.supports, answerDays: ideaThresholds.answerDays });
    if (!before) return false;
    await audit(
      tx,
      {
        action: "idea_threshold.remove",
        subjectType: "structure",
        subjectId: structureId,
        structureId,
        details: { before },
      },
      context.request,
      context.actorId,
    );
    return true;
  });
}
