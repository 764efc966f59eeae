import { sql } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "../../db/client.js";

/**
 * A form's funnel is counted when its routes say so (`config: { funnel: "idea" }`, see
 * core/manifest.ts): opening the form (a GET answered 200) counts "idea.opened", submitting it (a
 * POST answered 303 somewhere other than the sign-in page) "idea.submitted". Declared on the route,
 * so a counter never sees a URL's values and a new form needs no change here.
 */
function counterOf(method: string, funnel: string | undefined): string | undefined {
  if (!funnel) return undefined;
  if (method === "GET") return `${funnel}.opened`;
  if (method === "POST") return `${funnel}.submitted`;
  return undefined;
}

/**
 * Adds one to today's counter (the day in Africa/Tunis). Every form view writes here, on one row per
 * form and day: the commit does not wait for the disk (a crash may lose the last fraction of a
 * second of counts), so the row's lock is held for the update alone, not for a disk flush.
 */
export async function countEvent(db: Db, name: string, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    await tx.execute(sql`
      insert into insights_counters (day, name, count)
      values ((${now.toISOString()}::timestamptz at time zone 'Africa/Tunis')::date, ${name}, 1)
      on conflict (day, name) do update set count = insights_counters.count + 1`);
  });
}

/**
 * First-party, privacy-friendly counting for the submission funnel: aggregated daily counts only,
 * no cookie, no address, no account, nothing sent to a third party. Registered before the
 * features, in the pages' scope, so its hook sees their routes.
 */
export const insightsCounters: FastifyPluginAsync = fp(
  async (app) => {
    app.addHook("onResponse", async (request, reply) => {
      const name = counterOf(request.method, request.routeOptions.config?.funnel);
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
