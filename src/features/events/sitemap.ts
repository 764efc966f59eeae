import { desc } from "drizzle-orm";
import type { SitemapSource } from "../../core/features/contracts.js";
import { events } from "./tables.js";

/** The events list and every event's page (a cancelled one still says so to whoever finds it). */
export const eventsSitemap: SitemapSource = {
  kind: "events",
  async entries(db, limit) {
    const rows = await db
      .select({ id: events.id, modified: events.updatedAt })
      .from(events)
      .orderBy(desc(events.startsAt))
      .limit(limit - 1);
    return [{ path: "/events" }, ...rows.map((r) => ({ path: `/events/${r.id}`, modified: r.modified }))];
  },
};
