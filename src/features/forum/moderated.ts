import { eq, inArray } from "drizzle-orm";
import type { ModeratedItem, ModeratedKind } from "../moderation/kinds.js";
import { forumPosts, forumThreads } from "./tables.js";

/** Forum threads (their opening text) and replies, as moderation sees them. */
export const forumModeration: ModeratedKind[] = [
  {
    kind: "forum_thread",
    labelKey: "forum.moderation.thread",
    async load(db, ids) {
      const rows = ids.length
        ? await db.select().from(forumThreads).where(inArray(forumThreads.id, ids))
        : [];
      return new Map(
        rows.map((r): [string, ModeratedItem] => [
          r.id,
          {
            id: r.id,
            authorId: r.authorId,
            state: r.moderationState,
            title: r.title,
            body: r.body,
            path: `/forum/threads/${r.id}`,
            createdAt: r.createdAt,
          },
        ]),
      );
    },
    async setState(db, id, state, reason) {
      await db
        .update(forumThreads)
        .set({ moderationState: state, moderationReason: reason })
        .where(eq(forumThreads.id, id));
    },
  },
  {
    kind: "forum_post",
    labelKey: "forum.moderation.post",
    async load(db, ids) {
      const rows = ids.length ? await db.select().from(forumPosts).where(inArray(forumPosts.id, ids)) : [];
      return new Map(
        rows.map((r): [string, ModeratedItem] => [
          r.id,
          {
            id: r.id,
            authorId: r.authorId,
            state: r.moderationState,
            title: null,
            body: r.body,
            path: `/forum/threads/${r.threadId}#post-${r.id}`,
            createdAt: r.createdAt,
          },
        ]),
      );
    },
    async setState(db, id, state, reason) {
      await db
        .update(forumPosts)
        .set({ moderationState: state, moderationReason: reason })
        .where(eq(forumPosts.id, id));
    },
  },
];
