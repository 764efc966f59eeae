import { and, eq, isNull, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import {
  type FieldErrors,
  fieldError,
  hasErrors,
  lengthProblem,
  type Result,
  text,
} from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { blockedError, recordHold, screenPosting } from "../../moderation/screen.js";
import { addFollow, unfollow } from "../../subscriptions/commands.js";
import { notifyFollowers } from "../notify.js";
import { ANSWERS, DEFAULT_THRESHOLD, IDEA_STATUSES, type IdeaStatus, LIMITS } from "../rules.js";
import { ideaComments, ideaEvents, ideaSupports, ideas, ideaThresholds } from "../tables.js";

interface IdeaRef {
  id: string;
  title: string;
  structureId: string | null;
}

/** The threshold in force for a structure (its own, or the default; theme ideas take the default). */
export async function thresholdFor(db: Db, structureId: string | null) {
  if (!structureId) return DEFAULT_THRESHOLD;
  const [row] = await db.select().from(ideaThresholds).where(eq(ideaThresholds.structureId, structureId));
  return row ? { supports: row.supports, answerDays: row.answerDays } : DEFAULT_THRESHOLD;
}

/**
 * Supports an idea (once per account; a second support changes nothing) or withdraws the support.
 * The first time the count reaches the structure's threshold, the answer clock starts: the due date
 * is set, the event recorded, and followers told, in the same transaction.
 */
export async function setSupport(
  db: Db,
  idea: IdeaRef,
  accountId: string,
  support: boolean,
  now = new Date(),
): Promise<{ reached: boolean }> {
  const threshold = await thresholdFor(db, idea.structureId);
  return db.transaction(async (tx) => {
    const changed = support
      ? await tx.insert(ideaSupports).values({ ideaId: idea.id, accountId }).onConflictDoNothing().returning()
      : await tx
          .delete(ideaSupports)
          .where(and(eq(ideaSupports.ideaId, idea.id), eq(ideaSupports.accountId, accountId)))
          .returning();
    if (changed.length === 0) return { reached: false };
    const [row] = await tx
      .update(ideas)
      .set({ supportCount: sql`${ideas.supportCount} + ${support ? 1 : -1}` })
      .where(eq(ideas.id, idea.id))
      .returning({ supportCount: ideas.supportCount });
    if (!support || (row?.supportCount ?? 0) < threshold.supports) return { reached: false };
    return { reached: await markThresholdReached(tx, idea, threshold.answerDays, now) };
  });
}

/**
 * Starts an idea's answer clock (once: only while it has neither reached its threshold nor been
 * answered): the due date is `answerDays` from now, the event is recorded, and followers told, in
 * the caller's transaction. Returns whether this call started it.
 */
export async function markThresholdReached(
  tx: Db,
  idea: { id: string; title: string },
  answerDays: number,
  now: Date,
): Promise<boolean> {
  const reached = await tx
    .update(ideas)
    .set({ thresholdReachedAt: now, answerDueAt: new Date(now.getTime() + answerDays * 86_400_000) })
    .where(and(eq(ideas.id, idea.id), isNull(ideas.thresholdReachedAt), isNull(ideas.answeredAt)))
    .returning({ id: ideas.id });
  if (reached.length === 0) return false;
  await tx.insert(ideaEvents).values({ ideaId: idea.id, kind: "threshold_reached", createdAt: now });
  await notifyFollowers(tx, idea, { key: "threshold" }, null);
  return true;
}

/** Follows or unfollows an idea (idempotent), through the subscriptions hub. */
export async function setFollow(db: Db, ideaId: string, accountId: string, follow: boolean) {
  if (follow) await addFollow(db, accountId, "idea", ideaId);
  else await unfollow(db, accountId, "idea", ideaId);
}

/** Comments on an idea, screened by moderation (held for review, or refused while blocked). */
export async function commentIdea(
  db: Db,
  ideaId: string,
  authorId: string,
  input: { body?: string },
): Promise<Result<{ id: string; held: boolean }, "body">> {
  const body = text(input.body);
  const problem = lengthProblem(body, LIMITS.comment, "ideas.errors.comment");
  if (problem) return { ok: false, errors: { body: problem } };
  return db.transaction(async (tx) => {
    const screening = await screenPosting(tx, { accountId: authorId, kind: "idea_comment", text: body });
    if (screening.blockedUntil)
      return {
        ok: false,
        errors: {
          body: blockedError(screening.blockedUntil),
        },
      };
    const [row] = await tx
      .insert(ideaComments)
      .values({ ideaId, authorId, body, moderationState: screening.hold ? "held" : "visible" })
      .returning({ id: ideaComments.id });
    if (screening.hold)
      await recordHold(tx, { kind: "idea_comment", itemId: row!.id, authorId }, screening.hold);
    return { ok: true, value: { id: row!.id, held: screening.hold !== null } };
  });
}

export type StatusField = "status" | "body";

/**
 * An official changes an idea's status, with a text (required for an answer: accepted or rejected
 * with the reason). The first answer stops the answer clock. Followers are told; the change is audited.
 */
export async function setIdeaStatus(
  db: Db,
  idea: IdeaRef & { status: IdeaStatus },
  input: { status?: string; body?: string },
  actorId: string,
  request?: FastifyRequest,
): Promise<Result<IdeaStatus, StatusField>> {
  const errors: FieldErrors<StatusField> = {};
  const status = text(input.status) as IdeaStatus;
  const body = text(input.body);
  if (!IDEA_STATUSES.includes(status) || status === idea.status)
    errors.status = fieldError("ideas.errors.status");
  if ((status === "accepted" || status === "rejected") && !body)
    errors.body = fieldError("ideas.errors.answerRequired");
  if (body.length > LIMITS.answer)
    errors.body = fieldError("ideas.errors.length", { min: 0, max: LIMITS.answer });
  if (hasErrors(errors)) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const answer = ANSWERS.includes(status);
    await tx
      .update(ideas)
      .set({ status, ...(answer ? { answeredAt: sql`coalesce(${ideas.answeredAt}, now())` } : {}) })
      .where(eq(ideas.id, idea.id));
    await tx
      .insert(ideaEvents)
      .values({ ideaId: idea.id, kind: "status", status, body: body || null, actorId });
    await audit(
      tx,
      {
        action: "ideas.status_changed",
        subjectType: "idea",
        subjectId: idea.id,
        structureId: idea.structureId,
        details: { status },
      },
      request,
      actorId,
    );
    await notifyFollowers(tx, idea, { key: "status", status, body: body || null }, actorId);
    return { ok: true, value: status };
  });
}
