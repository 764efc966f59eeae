import { desc, eq } from "drizzle-orm";
import type { SitemapSource } from "../../core/features/contracts.js";
import { ideas } from "./tables.js";

/** The idea box and every visible idea (not one held or hidden by moderation). */
export const ideasSitemap: SitemapSource = {
  kind: "ideas",
  async entries(db, limit) {
    const rows = await db
      .select({ id: ideas.id, modified: ideas.updatedAt })
      .from(ideas)
      .where(eq(ideas.moderationState, "visible"))
      .orderBy(desc(ideas.updatedAt))
      .limit(limit - 1);
    return [{ path: "/ideas" }, ...rows.map((r) => ({ path: `/ideas/${r.id}`, modified: r.modified }))];
  },
};
