import { desc, eq } from "drizzle-orm";
import type { FeedSource } from "../../core/features/contracts.js";
import { results } from "./tables.js";

/**
 * The results most recently moved (created, updated, their status or progress changed), the latest
 * first: every result is public, as its page is.
 */
export const resultsFeed: FeedSource = {
  kind: "results",
  titleKey: "accountability.feeds.latest",
  path: "/accountability",
  async entries(db, { structure, limit }) {
    const rows = await db
      .select({
        id: results.id,
        title: results.title,
        description: results.description,
        createdAt: results.createdAt,
        updatedAt: results.updatedAt,
      })
      .from(results)
      .where(structure ? eq(results.structureId, structure.id) : undefined)
      .orderBy(desc(results.updatedAt), desc(results.id))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.description,
      path: `/accountability/${r.id}`,
      published: r.createdAt,
      updated: r.updatedAt,
    }));
  },
};
