import { moderatedTable } from "../moderation/kinds.js";
import { consultationComments } from "./tables.js";

/** Comments and replies on consultations, as moderation sees them. */
export const consultationModeration = [
  moderatedTable({
    kind: "consultation_comment",
    labelKey: "consultations.moderation.comment",
    table: consultationComments,
    present: (r) => ({
      authorId: r.authorId,
      title: null,
      body: r.body,
      path: `/consultations/${r.consultationId}/comments/${r.id}#comment-${r.id}`,
      createdAt: r.createdAt,
    }),
  }),
];
