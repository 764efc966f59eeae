import { sql } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "../../db/client.js";

/**
 * The forms whose funnel is counted: opening the form (a GET answered 200) and submitting it (a
 * POST answered 303 somewhere other than the sign-in page). Keyed by the route's pattern, so a
 * counter never sees a URL's values.
 */
const COUNTED: Record<string, string> = {
  "GET /:lang/requests/new": "request.opened",
  "POST /:lang/requests": "request.submitted",
  "GET /:lang/ideas/new": "idea.opened",
  "POST /:lang/ideas": "idea.submitted",
  "GET /:lang/forum/:slug/new": "forum_thread.opened",
  "POST /:lang/forum/:slug/threads": "forum_thread.submitted",
};

/** Adds one to today's counter (the day in Africa/Tunis). */
export async function countEvent(db: Db, name: string, now: Date = new Date()): Promise<void> {
  await db.execute(sql`
    insert into insights_counters (day, name, count)
    values ((${now.toISOString()}::timestamptz at time zone 'Africa/Tunis')::date, ${name}, 1)
    on conflict (day, name) do update set count = insights_counters.count + 1`);
}

/**
 * First-party, privacy-friendly counting for the submission funnel: aggregated daily counts only,
 * no cookie, no address, no account, nothing sent to a third party. Registered before the
 * features, in the pages' scope, so its hook sees their routes.
 */
export const insightsCounters: FastifyPluginAsync = fp(
  async (app) => {
    app.addHook("onResponse", async (request, reply) => {
      const name = COUNTED[`${request.method} ${request.routeOptions.url}`];
      if (!name) return;
      const ok =
        request.method === "GET"
          ? reply.statusCode === 200
          : reply.statusCode === 303 && !String(reply.getHeader("location") ?? "").includes("/sign-in");
      if (!ok) return;
      try {
        await countEvent(app.db, name);
      } catch (error) {
        request.log.warn({ err: error, counter: name }, "insights counter not stored");
      }
    });
  },
  { name: "insights-counters" },
);
