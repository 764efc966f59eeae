import { and, desc, eq, gt, isNull, lte } from "drizzle-orm";
import type { FeedSource } from "../../core/features/contracts.js";
import { consultations } from "./tables.js";

/**
 * The consultations open now (published, opened, not yet closed), the latest opened first: a draft,
 * an announced one and a closed one are not in it. An entry appears when the consultation opens.
 */
export const openConsultationsFeed: FeedSource = {
  kind: "consultations",
  titleKey: "consultations.feeds.open",
  path: "/consultations?status=open",
  async entries(db, { structure, limit }) {
    const now = new Date();
    const rows = await db
      .select({
        id: consultations.id,
        title: consultations.title,
        summary: consultations.summary,
        opensAt: consultations.opensAt,
        updatedAt: consultations.updatedAt,
      })
      .from(consultations)
      .where(
        and(
          eq(consultations.visibility, "published"),
          lte(consultations.opensAt, now),
          gt(consultations.closesAt, now),
          isNull(consultations.outcomePublishedAt),
          structure ? eq(consultations.structureId, structure.id) : undefined,
        ),
      )
      .orderBy(desc(consultations.opensAt), desc(consultations.id))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      path: `/consultations/${r.id}`,
      published: r.opensAt,
      updated: new Date(Math.max(r.updatedAt.getTime(), r.opensAt.getTime())),
    }));
  },
};
