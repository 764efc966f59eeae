import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import { pageOf } from "../../core/paging.js";
import type { Db } from "../../db/client.js";
import { isFollowing } from "../subscriptions/queries.js";
import { forumCategories, forumPosts, forumThreads } from "./tables.js";

export const THREADS_PAGE = 25;

/** Active categories with their count of visible threads. */
export async function listCategories(db: Db, { withArchived = false } = {}) {
  return db
    .select({
      id: forumCategories.id,
      slug: forumCategories.slug,
      name: forumCategories.name,
      description: forumCategories.description,
      position: forumCategories.position,
      archivedAt: forumCategories.archivedAt,
      threads: sql<number>`(select count(*)::int from ${forumThreads} where ${forumThreads.categoryId} = ${forumCategories.id} and ${forumThreads.moderationState} = 'visible')`,
    })
    .from(forumCategories)
    .where(withArchived ? undefined : isNull(forumCategories.archivedAt))
    .orderBy(asc(forumCategories.position), asc(forumCategories.slug));
}
export type CategoryRow = Awaited<ReturnType<typeof listCategories>>[number];

export async function findCategory(db: Db, by: { slug?: string; id?: string }) {
  const [row] = await db
    .select()
    .from(forumCategories)
    .where(by.id ? eq(forumCategories.id, by.id) : eq(forumCategories.slug, by.slug ?? ""));
  return row ?? null;
}

/** A category's visible threads, pinned first, then by latest activity: one page (within the last). */
export async function listThreads(db: Db, categoryId: string, requested: number) {
  const where = and(eq(forumThreads.categoryId, categoryId), eq(forumThreads.moderationState, "visible"));
  const [counted] = await db.select({ n: count() }).from(forumThreads).where(where);
  const total = counted?.n ?? 0;
  const { page, totalPages, offset } = pageOf(requested, total, THREADS_PAGE);
  const rows = await db
    .select({
      id: forumThreads.id,
      title: forumThreads.title,
      replyCount: forumThreads.replyCount,
      lastPostAt: forumThreads.lastPostAt,
      lockedAt: forumThreads.lockedAt,
      pinnedAt: forumThreads.pinnedAt,
      authorName: accounts.displayName,
      answered: sql<boolean>`exists (select 1 from ${forumPosts} where ${forumPosts.threadId} = ${forumThreads.id} and ${forumPosts.official} and ${forumPosts.moderationState} = 'visible')`,
    })
    .from(forumThreads)
    .leftJoin(accounts, eq(accounts.id, forumThreads.authorId))
    .where(where)
    .orderBy(sql`${forumThreads.pinnedAt} is null`, desc(forumThreads.lastPostAt), desc(forumThreads.id))
    .limit(THREADS_PAGE)
    .offset(offset);
  return { rows, total, page, totalPages };
}
export type ThreadRow = Awaited<ReturnType<typeof listThreads>>["rows"][number];

export async function findThread(db: Db, id: string) {
  const [row] = await db
    .select({ thread: forumThreads, authorName: accounts.displayName })
    .from(forumThreads)
    .leftJoin(accounts, eq(accounts.id, forumThreads.authorId))
    .where(eq(forumThreads.id, id));
  return row ?? null;
}
export type ThreadDetail = NonNullable<Awaited<ReturnType<typeof findThread>>>;

/** A thread's replies in order (pinned official answers are lifted by the view), and whether the viewer follows. */
export async function listPosts(db: Db, threadId: string, viewerId: string | null) {
  const [posts, following] = await Promise.all([
    db
      .select({
        id: forumPosts.id,
        authorId: forumPosts.authorId,
        authorName: accounts.displayName,
        body: forumPosts.body,
        quotedPostId: forumPosts.quotedPostId,
        official: forumPosts.official,
        pinnedAt: forumPosts.pinnedAt,
        state: forumPosts.moderationState,
        reason: forumPosts.moderationReason,
        createdAt: forumPosts.createdAt,
      })
      .from(forumPosts)
      .leftJoin(accounts, eq(accounts.id, forumPosts.authorId))
      .where(eq(forumPosts.threadId, threadId))
      .orderBy(asc(forumPosts.createdAt), asc(forumPosts.id)),
    isFollowing(db, viewerId, "thread", threadId),
  ]);
  return { posts, following };
}
export type PostRow = Awaited<ReturnType<typeof listPosts>>["posts"][number];

export async function findPost(db: Db, id: string) {
  const [row] = await db.select().from(forumPosts).where(eq(forumPosts.id, id));
  return row ?? null;
}
