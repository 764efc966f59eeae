import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config.js";
import { type Database, openDatabase } from "../../src/db/client.js";
import { maintainDatabase } from "../../src/db/maintenance.js";
import { runMigrations } from "../../src/db/migrate.js";
import { seedOnFirstStart } from "../../src/db/seed.js";
import { REPO_DIR } from "./app-env.js";

/** Child side: the real app, started as src/server.ts starts it, for a bench to load. */

export interface EngineInfo {
  /** "PostgreSQL 15.20" or "PGlite 0.5.16 (PostgreSQL 18.6)". */
  label: string;
  kind: Database["kind"];
  /** The server's `select version()`. */
  version: string;
}

export interface RealApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** http://127.0.0.1:<port> */
  url: string;
  engine: EngineInfo;
}

/** Where a Fastify instance listens, as a base URL. */
export function baseUrl(app: FastifyInstance): string {
  const address = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

export async function describeEngine(database: Database): Promise<EngineInfo> {
  const [row] = await database.query<{ version: string; short: string }>(
    "select version() as version, current_setting('server_version') as short",
  );
  const version = row?.version ?? "unknown";
  const short = (row?.short ?? "?").split(" ")[0];
  if (database.kind === "postgres") return { kind: "postgres", version, label: `PostgreSQL ${short}` };
  const pglite = JSON.parse(
    readFileSync(join(REPO_DIR, "node_modules/@electric-sql/pglite/package.json"), "utf8"),
  ) as { version: string };
  return { kind: "pglite", version, label: `PGlite ${pglite.version} (PostgreSQL ${short}, WASM)` };
}

/**
 * Reads the configuration from the environment (see benchAppEnv), opens the database, migrates,
 * seeds the reference data, builds the app and listens. Same order as src/server.ts.
 */
export async function startRealApp(): Promise<RealApp> {
  const config = loadConfig();
  const database = await openDatabase(config);
  await runMigrations(database);
  await seedOnFirstStart(database, config);
  await maintainDatabase(database);
  const app = await buildApp({ config, database });
  await app.listen({ port: config.PORT, host: config.HOST });
  return { app, database, config, url: baseUrl(app), engine: await describeEngine(database) };
}
