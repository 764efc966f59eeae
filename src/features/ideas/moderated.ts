import { eq, inArray } from "drizzle-orm";
import type { ModeratedItem, ModeratedKind } from "../moderation/kinds.js";
import { ideaComments, ideas } from "./tables.js";

/** Ideas and their comments, as moderation sees them. */
export const ideaModeration: ModeratedKind[] = [
  {
    kind: "idea",
    labelKey: "ideas.moderation.idea",
    async load(db, ids) {
      const rows = ids.length ? await db.select().from(ideas).where(inArray(ideas.id, ids)) : [];
      return new Map(
        rows.map((r): [string, ModeratedItem] => [
          r.id,
          {
            id: r.id,
            authorId: r.authorId,
            state: r.moderationState,
            title: r.title,
            body: r.description,
            path: `/ideas/${r.id}`,
            createdAt: r.createdAt,
          },
        ]),
      );
    },
    async setState(db, id, state, reason) {
      await db
        .update(ideas)
        .set({ moderationState: state, moderationReason: reason })
        .where(eq(ideas.id, id));
    },
  },
  {
    kind: "idea_comment",
    labelKey: "ideas.moderation.comment",
    async load(db, ids) {
      const rows = ids.length
        ? await db.select().from(ideaComments).where(inArray(ideaComments.id, ids))
        : [];
      return new Map(
        rows.map((r): [string, ModeratedItem] => [
          r.id,
          {
            id: r.id,
            authorId: r.authorId,
            state: r.moderationState,
            title: null,
            body: r.body,
            path: `/ideas/${r.ideaId}#comment-${r.id}`,
            createdAt: r.createdAt,
          },
        ]),
      );
    },
    async setState(db, id, state, reason) {
      await db
        .update(ideaComments)
        .set({ moderationState: state, moderationReason: reason })
        .where(eq(ideaComments.id, id));
    },
  },
];
