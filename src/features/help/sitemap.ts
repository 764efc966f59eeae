import { asc } from "drizzle-orm";
import type { SitemapSource } from "../../core/features/contracts.js";
import { helpArticles } from "./tables.js";

/** The help centre and each of its guides and questions. */
export const helpSitemap: SitemapSource = {
  kind: "help",
  async entries(db, limit) {
    const rows = await db
      .select({ slug: helpArticles.slug, modified: helpArticles.updatedAt })
      .from(helpArticles)
      .orderBy(asc(helpArticles.kind), asc(helpArticles.position))
      .limit(limit - 1);
    return [{ path: "/help" }, ...rows.map((r) => ({ path: `/help/${r.slug}`, modified: r.modified }))];
  },
};
