import { and, eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { type FieldErrors, hasErrors, lengthProblem, type Result, text } from "../../../core/forms.js";
import { translator } from "../../../core/i18n/catalog.js";
import { LOCALES, type LocalizedText } from "../../../core/i18n/localized.js";
import { isUuid } from "../../../core/ids.js";
import type { Db } from "../../../db/client.js";
import { blockedError, recordHold, screenPosting } from "../../moderation/screen.js";
import { addFollow, unfollow } from "../../subscriptions/commands.js";
import { publishNotice } from "../../subscriptions/notices.js";
import { forumPosts, forumThreads } from "../tables.js";

export const LIMITS = { title: { min: 8, max: 150 }, body: { min: 2, max: 10_000 } };

export type ThreadField = "title" | "body";

/** Starts a thread in a category; the author follows it. Screened by moderation. */
export async function startThread(
  db: Db,
  categoryId: string,
  authorId: string,
  input: { title?: string; body?: string },
): Promise<Result<{ id: string; held: boolean }, ThreadField>> {
  const errors: FieldErrors<ThreadField> = {};
  const title = text(input.title);
  const body = text(input.body);
  const titleProblem = lengthProblem(title, LIMITS.title, "forum.errors.title");
  if (titleProblem) errors.title = titleProblem;
  const bodyProblem = lengthProblem(body, LIMITS.body, "forum.errors.body");
  if (bodyProblem) errors.body = bodyProblem;
  if (hasErrors(errors)) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const screening = await screenPosting(tx, {
      accountId: authorId,
      kind: "forum_thread",
      text: `${title}\n${body}`,
    });
    if (screening.blockedUntil) return { ok: false, errors: { body: blockedError(screening.blockedUntil) } };
    const [row] = await tx
      .insert(forumThreads)
      .values({ categoryId, authorId, title, body, moderationState: screening.hold ? "held" : "visible" })
      .returning({ id: forumThreads.id });
    await addFollow(tx, authorId, "thread", row!.id);
    if (screening.hold)
      await recordHold(tx, { kind: "forum_thread", itemId: row!.id, authorId }, screening.hold);
    return { ok: true, value: { id: row!.id, held: screening.hold !== null } };
  });
}

export type ReplyField = "body";

/**
 * Replies to a thread, optionally quoting one of its replies, as an official answer when the
 * author may give one and asked to. Visible replies tell the thread's followers (one mail an hour at most).
 */
export async function replyToThread(
  ctx: { db: Db; publicUrl: string },
  thread: { id: string; title: string },
  authorId: string,
  input: { body?: string; quote?: string; official?: string },
  mayAnswerOfficially: boolean,
): Promise<Result<{ id: string; held: boolean }, ReplyField>> {
  const body = text(input.body);
  const problem = lengthProblem(body, LIMITS.body, "forum.errors.reply");
  if (problem) return { ok: false, errors: { body: problem } };
  const quote = text(input.quote);
  return ctx.db.transaction(async (tx) => {
    const quoted =
      quote && isUuid(quote)
        ? (
            await tx
              .select({ id: forumPosts.id })
              .from(forumPosts)
              .where(and(eq(forumPosts.id, quote), eq(forumPosts.threadId, thread.id)))
          )[0]
        : undefined;
    const screening = await screenPosting(tx, { accountId: authorId, kind: "forum_post", text: body });
    if (screening.blockedUntil) return { ok: false, errors: { body: blockedError(screening.blockedUntil) } };
    const [row] = await tx
      .insert(forumPosts)
      .values({
        threadId: thread.id,
        authorId,
        body,
        quotedPostId: quoted?.id ?? null,
        official: mayAnswerOfficially && input.official === "1",
        moderationState: screening.hold ? "held" : "visible",
      })
      .returning({ id: forumPosts.id });
    if (screening.hold) {
      await recordHold(tx, { kind: "forum_post", itemId: row!.id, authorId }, screening.hold);
      return { ok: true, value: { id: row!.id, held: true } };
    }
    await tx
      .update(forumThreads)
      .set({ replyCount: sql`${forumThreads.replyCount} + 1`, lastPostAt: sql`now()` })
      .where(eq(forumThreads.id, thread.id));
    await addFollow(tx, authorId, "thread", thread.id);
    await notifyThreadFollowers(tx, thread, authorId);
    return { ok: true, value: { id: row!.id, held: false } };
  });
}

/**
 * Announces new replies to a thread's followers (not to the one who replied) through the
 * subscriptions hub, at most once an hour per thread so a lively thread does not flood anyone.
 */
async function notifyThreadFollowers(db: Db, thread: { id: string; title: string }, authorId: string) {
  const title: LocalizedText = {};
  for (const locale of LOCALES)
    title[locale] = translator(locale)("forum.mail.subject", { title: thread.title });
  await publishNotice(
    db,
    { kind: "thread", target: thread.id, title, path: `/forum/threads/${thread.id}`, actorId: authorId },
    { quietMinutes: 60 },
  );
}

export async function setThreadFollow(db: Db, threadId: string, accountId: string, follow: boolean) {
  if (follow) await addFollow(db, accountId, "thread", threadId);
  else await unfollow(db, accountId, "thread", threadId);
}

export const THREAD_ACTIONS = ["lock", "unlock", "pin", "unpin", "move"] as const;
export type ThreadAction = (typeof THREAD_ACTIONS)[number];

/** Staff lock, pin and move threads; audited. `categoryId` is checked by the caller (an active category). */
export async function manageThread(
  db: Db,
  thread: { id: string; categoryId: string },
  action: ThreadAction,
  categoryId: string | null,
  request: FastifyRequest,
): Promise<boolean> {
  if (action === "move" && (!categoryId || categoryId === thread.categoryId)) return false;
  const set =
    action === "lock"
      ? { lockedAt: sql`coalesce(${forumThreads.lockedAt}, now())` }
      : action === "unlock"
        ? { lockedAt: null }
        : action === "pin"
          ? { pinnedAt: sql`coalesce(${forumThreads.pinnedAt}, now())` }
          : action === "unpin"
            ? { pinnedAt: null }
            : { categoryId: categoryId! };
  await db.transaction(async (tx) => {
    await tx.update(forumThreads).set(set).where(eq(forumThreads.id, thread.id));
    await audit(
      tx,
      {
        action: `forum.thread_${action}`,
        subjectType: "forum_thread",
        subjectId: thread.id,
        details: action === "move" ? { from: thread.categoryId, to: categoryId } : {},
      },
      request,
    );
  });
  return true;
}

/** Pins (or unpins) an official answer to the top of its thread; only official answers pin. */
export async function pinOfficialAnswer(
  db: Db,
  post: { id: string; official: boolean },
  pin: boolean,
  request: FastifyRequest,
) {
  if (!post.official) return false;
  await db.transaction(async (tx) => {
    await tx
      .update(forumPosts)
      .set({ pinnedAt: pin ? sql`now()` : null })
      .where(eq(forumPosts.id, post.id));
    await audit(
      tx,
      {
        action: pin ? "forum.answer_pinned" : "forum.answer_unpinned",
        subjectType: "forum_post",
        subjectId: post.id,
      },
      request,
    );
  });
  return true;
}
