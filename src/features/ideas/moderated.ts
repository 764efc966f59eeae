import { moderatedTable } from "../moderation/kinds.js";
import { ideaComments, ideas } from "./tables.js";

/** Ideas and their comments, as moderation sees them. */
export const ideaModeration = [
  moderatedTable({
    kind: "idea",
    labelKey: "ideas.moderation.idea",
    table: ideas,
    present: (r) => ({
      authorId: r.authorId,
      title: r.title,
      body: r.description,
      path: `/ideas/${r.id}`,
      createdAt: r.createdAt,
    }),
  }),
  moderatedTable({
    kind: "idea_comment",
    labelKey: "ideas.moderation.comment",
    table: ideaComments,
    present: (r) => ({
      authorId: r.authorId,
      title: null,
      body: r.body,
      path: `/ideas/${r.ideaId}#comment-${r.id}`,
      createdAt: r.createdAt,
    }),
  }),
];
