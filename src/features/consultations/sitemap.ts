import { desc, eq } from "drizzle-orm";
import type { SitemapSource } from "../../core/features/contracts.js";
import { consultations } from "./tables.js";

/** The consultations list and every published consultation (a draft is its structure's business). */
export const consultationsSitemap: SitemapSource = {
  kind: "consultations",
  async entries(db, limit) {
    const rows = await db
      .select({ id: consultations.id, modified: consultations.updatedAt })
      .from(consultations)
      .where(eq(consultations.visibility, "published"))
      .orderBy(desc(consultations.updatedAt))
      .limit(limit - 1);
    return [
      { path: "/consultations" },
      ...rows.map((r) => ({ path: `/consultations/${r.id}`, modified: r.modified })),
    ];
  },
};
