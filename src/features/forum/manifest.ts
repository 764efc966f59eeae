import { and, eq, ne, notExists } from "drizzle-orm";
import type { FeatureManifest } from "../../core/manifest.js";
import { seedDemoForum } from "./commands/seed-forum.js";
import { forumContributions } from "./contributions.js";
import { exportForumAccount } from "./export-account.js";
import { threadFollowable } from "./followable.js";
import { forumFeature, forumModeration } from "./index.js";
import { forumSearch } from "./search.js";
import { forumSitemap } from "./sitemap.js";
import * as tables from "./tables.js";
import { forumPosts, forumThreads } from "./tables.js";

export const forumManifest: FeatureManifest = {
  name: "forum",
  exportAccount: exportForumAccount,
  sitemap: [forumSitemap],
  search: [forumSearch],
  routes: [{ plugin: forumFeature, mount: "pages" }],
  tables,
  followable: [threadFollowable],
  moderation: forumModeration,
  contributions: [forumContributions],
  seedDemo: seedDemoForum,
  /**
   * Replies and threads stay, shown as by a deleted account, or are removed; a removed person's
   * thread that others answered stays (anonymised), so their replies keep their context.
   */
  async forgetAccount(db, accountId, mode) {
    if (mode === "remove") {
      await db.delete(forumPosts).where(eq(forumPosts.authorId, accountId));
      await db.delete(forumThreads).where(
        and(
          eq(forumThreads.authorId, accountId),
          notExists(
            db
              .select({ id: forumPosts.id })
              .from(forumPosts)
              .where(and(eq(forumPosts.threadId, forumThreads.id), ne(forumPosts.authorId, accountId))),
          ),
        ),
      );
    }
    await db.update(forumPosts).set({ authorId: null }).where(eq(forumPosts.authorId, accountId));
    await db.update(forumThreads).set({ authorId: null }).where(eq(forumThreads.authorId, accountId));
  },
};
