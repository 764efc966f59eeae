import Fastify from "fastify";
import { baseUrl, type EngineInfo, startRealApp } from "./lib/app-server.js";
import { childFailed, childReady, onStop } from "./lib/child-server.js";

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
}

export const BARE_QUERY = "select code, name from structures where code = $1";

try {
  const real = await startRealApp();
  const { database } = real;
  const [first] = await database.query<{ code: string }>("select code from structures order by code limit 1");
  if (!first) throw new Error("no structure in the database: the reference seed did not run");
  const plan = await database.query<{ "QUERY PLAN": string }>(`explain ${BARE_QUERY.replace("$1", "'x'")}`);

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
  });
} catch (error) {
  childFailed(error);
}
