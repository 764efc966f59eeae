import { moderatedTable } from "../moderation/kinds.js";
import { forumPosts, forumThreads } from "./tables.js";

/** Forum threads (their opening text) and replies, as moderation sees them. */
export const forumModeration = [
  moderatedTable({
    kind: "forum_thread",
    labelKey: "forum.moderation.thread",
    table: forumThreads,
    present: (r) => ({
      authorId: r.authorId,
      title: r.title,
      body: r.body,
      path: `/forum/threads/${r.id}`,
      createdAt: r.createdAt,
    }),
  }),
  moderatedTable({
    kind: "forum_post",
    labelKey: "forum.moderation.post",
    table: forumPosts,
    present: (r) => ({
      authorId: r.authorId,
      title: null,
      body: r.body,
      path: `/forum/threads/${r.threadId}#post-${r.id}`,
      createdAt: r.createdAt,
    }),
  }),
];
