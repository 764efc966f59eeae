import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { forumCategories, forumPosts, forumThreads } from "./tables.js";

/** A category, straight in the database (the admin pages have their own tests). */
export async function createCategory(db: Db, slug: string) {
  const [row] = await db
    .insert(forumCategories)
    .values({
      slug,
      name: { ar: `قسم ${slug}`, fr: `Catégorie ${slug}`, en: `Category ${slug}` },
      description: {},
    })
    .returning();
  return row!;
}

/** The newest reply of a thread. */
export async function latestPost(db: Db, threadId: string) {
  const rows = await db.select().from(forumPosts).where(eq(forumPosts.threadId, threadId));
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))[0]!;
}

export async function findThreadRow(db: Db, id: string) {
  return (await db.select().from(forumThreads).where(eq(forumThreads.id, id)))[0]!;
}

/** The thread id a "start a discussion" redirected to. */
export const threadIdOf = (location: unknown) =>
  /\/forum\/threads\/([0-9a-f-]{36})/.exec(String(location))![1]!;
