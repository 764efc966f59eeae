import { desc, eq } from "drizzle-orm";
import type { SitemapSource } from "../../core/features/contracts.js";
import { forumThreads } from "./tables.js";

/** The forum and every visible discussion, the latest active first. */
export const forumSitemap: SitemapSource = {
  kind: "forum",
  async entries(db, limit) {
    const rows = await db
      .select({ id: forumThreads.id, modified: forumThreads.lastPostAt })
      .from(forumThreads)
      .where(eq(forumThreads.moderationState, "visible"))
      .orderBy(desc(forumThreads.lastPostAt))
      .limit(limit - 1);
    return [
      { path: "/forum" },
      ...rows.map((r) => ({ path: `/forum/threads/${r.id}`, modified: r.modified })),
    ];
  },
};
