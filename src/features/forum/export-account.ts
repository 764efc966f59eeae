import { eq } from "drizzle-orm";
import type { AccountExportPart } from "../../core/personal-data/contracts.js";
import type { Db } from "../../db/client.js";
import { forumPosts, forumThreads } from "./tables.js";

/** A person's forum threads and replies, for their data export. */
export async function exportForumAccount(db: Db, accountId: string): Promise<AccountExportPart[]> {
  const threads = await db
    .select({ title: forumThreads.title, body: forumThreads.body, at: forumThreads.createdAt })
    .from(forumThreads)
    .where(eq(forumThreads.authorId, accountId));
  const posts = await db
    .select({ thread: forumThreads.title, body: forumPosts.body, at: forumPosts.createdAt })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(eq(forumPosts.authorId, accountId));
  return [
    { name: "forum-threads", rows: threads },
    { name: "forum-posts", rows: posts },
  ];
}
