import { moderatedTable } from "../moderation/kinds.js";
import { consultationAmendments } from "./drafting/tables.js";
import { consultationComments } from "./tables.js";

/** Comments and replies on consultations, and amendments to their texts, as moderation sees them. */
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
  moderatedTable({
    kind: "consultation_amendment",
    labelKey: "consultations.moderation.amendment",
    table: consultationAmendments,
    present: (r) => ({
      authorId: r.authorId,
      title: null,
      body: `${r.proposed}\n\n${r.reason}`,
      path: `/consultations/${r.consultationId}/amendments/${r.id}`,
      createdAt: r.createdAt,
    }),
  }),
];
