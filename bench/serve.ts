import Fastify from "fastify";
import { maintainDatabase } from "../src/db/maintenance.js";
import { baseUrl, type EngineInfo, startRealApp } from "./lib/app-server.js";
import { childFailed, childReady, onStop } from "./lib/child-server.js";
import { seedBenchConsultation } from "./lib/consultation-seed.js";

/**
 * Child process of bench/run.ts: the real app, and beside it a bare Fastify app with one route
 * doing one indexed query through the same Database object, so the two compare fairly.
 */

export interface PlatformServers {
  /** The real app's base URL. */
  appUrl: string;
  /** The bare route, ready to load (one structure looked up by its unique code). */
  bareUrl: string;
  engine: EngineInfo;
  /** EXPLAIN of the bare route's query, to show it is an index lookup. */
  barePlan: string;
  /**
   * The public pages measured against the bare route beside the home page (issue 26), by name: the
   * bench consultation's page (5,000 comments), the idea list, a forum thread, a structure's page,
   * the transparency page and the open-data catalogue. Paths under the app's URL, in Arabic.
   */
  pages: Record<string, string>;
}

export const BARE_QUERY = "select code, name from structures where code = $1";

try {
  const real = await startRealApp();
  const { database } = real;
  const [first] = await database.query<{ code: string }>("select code from structures order by code limit 1");
  if (!first) throw new Error("no structure in the database: the reference seed did not run");
  const plan = await database.query<{ "QUERY PLAN": string }>(`explain ${BARE_QUERY.replace("$1", "'x'")}`);
  const { id: consultation } = await seedBenchConsultation(database);
  await maintainDatabase(database);
  // The demo's busiest forum thread (the platform bench starts with SEED_DEMO=true).
  const [thread] = await database.query<{ id: string }>(
    "select thread_id as id from forum_posts group by thread_id order by count(*) desc limit 1",
  );
  if (!thread) throw new Error("no forum thread: the demo seed did not run");

  const bare = Fastify({ logger: false });
  bare.get<{ Params: { code: string } }>("/structures/:code", async (request, reply) => {
    const [row] = await database.query(BARE_QUERY, [request.params.code]);
    if (!row) return reply.code(404).send({ error: "not found" });
    return row;
  });
  await bare.listen({ port: 0, host: "127.0.0.1" });

  onStop(async () => {
    await bare.close();
    await real.app.close();
    await database.close();
  });
  childReady<PlatformServers>({
    appUrl: real.url,
    bareUrl: `${baseUrl(bare)}/structures/${encodeURIComponent(first.code)}`,
    engine: real.engine,
    barePlan: plan.map((r) => r["QUERY PLAN"].trim()).join(" / "),
    pages: {
      consultation: `/ar/consultations/${consultation}`,
      ideas: "/ar/ideas",
      "forum thread": `/ar/forum/threads/${thread.id}`,
      structure: "/ar/structures/mun-tn-11",
      transparency: "/ar/transparency",
      "open data": "/ar/open-data",
    },
  });
} catch (error) {
  childFailed(error);
}
