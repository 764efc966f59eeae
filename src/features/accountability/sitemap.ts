import { asc, desc } from "drizzle-orm";
import type { SitemapSource } from "../../core/features/contracts.js";
import { results } from "./tables.js";

/** The results list and every result's page (all are public), the latest moved first. */
export const resultsSitemap: SitemapSource = {
  kind: "accountability",
  async entries(db, limit) {
    const rows = await db
      .select({ id: results.id, modified: results.updatedAt })
      .from(results)
      .orderBy(desc(results.updatedAt), asc(results.id))
      .limit(limit - 1);
    return [
      { path: "/accountability" },
      ...rows.map((r) => ({ path: `/accountability/${r.id}`, modified: r.modified })),
    ];
  },
};
