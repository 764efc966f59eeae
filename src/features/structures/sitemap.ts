import { asc, isNull } from "drizzle-orm";
import type { SitemapSource } from "../../core/features/contracts.js";
import { structures } from "../../core/structures/tables.js";

/** The directory and the page of every structure still in service. */
export const structuresSitemap: SitemapSource = {
  kind: "structures",
  async entries(db, limit) {
    const rows = await db
      .select({ code: structures.code, modified: structures.updatedAt })
      .from(structures)
      .where(isNull(structures.retiredAt))
      .orderBy(asc(structures.code))
      .limit(limit - 1);
    return [
      { path: "/structures" },
      ...rows.map((r) => ({ path: `/structures/${r.code}`, modified: r.modified })),
    ];
  },
};
