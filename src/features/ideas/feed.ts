import { and, desc, eq, isNull } from "drizzle-orm";
import type { FeedSource } from "../../core/features/contracts.js";
import { ideas } from "./tables.js";

/** The newest ideas anyone may read: visible (not held or hidden by moderation), not removed. */
export const newIdeasFeed: FeedSource = {
  kind: "ideas",
  titleKey: "ideas.feeds.new",
  path: "/ideas",
  async entries(db, { structure, limit }) {
    const rows = await db
      .select({
        id: ideas.id,
        title: ideas.title,
        description: ideas.description,
        createdAt: ideas.createdAt,
        updatedAt: ideas.updatedAt,
      })
      .from(ideas)
      .where(
        and(
          eq(ideas.moderationState, "visible"),
          isNull(ideas.removedAt),
          structure ? eq(ideas.structureId, structure.id) : undefined,
        ),
      )
      .orderBy(desc(ideas.createdAt), desc(ideas.id))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.description,
      path: `/ideas/${r.id}`,
      published: r.createdAt,
      updated: r.updatedAt,
    }));
  },
};
