import { and, desc, eq, isNull } from "drizzle-orm";
import type { FeedSource } from "../../core/features/contracts.js";
import { events } from "./tables.js";

/**
 * The newest announced events, the latest announced first. A cancelled event leaves the feed (its
 * page still says so, and its registered people are told by mail).
 */
export const eventsFeed: FeedSource = {
  kind: "events",
  titleKey: "events.feeds.new",
  path: "/events",
  async entries(db, { structure, limit }) {
    const rows = await db
      .select({
        id: events.id,
        title: events.title,
        description: events.description,
        createdAt: events.createdAt,
        updatedAt: events.updatedAt,
      })
      .from(events)
      .where(and(isNull(events.cancelledAt), structure ? eq(events.structureId, structure.id) : undefined))
      .orderBy(desc(events.createdAt), desc(events.id))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.description,
      path: `/events/${r.id}`,
      published: r.createdAt,
      updated: r.updatedAt,
    }));
  },
};
