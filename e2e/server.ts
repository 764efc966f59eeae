import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import { TEST_COOKIE_SECRET } from "../test/app.js";
import { openTestDatabase } from "../test/databases.js";

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  /** Origin the app listens on, e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  /** Every log line written so far, as raw JSON text. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * Starts the real app in this process on a free port, on a private test database (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL), with every security plugin on. The run's template database
 * must exist: test/global-setup.ts makes it.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const database = await openTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    HOST: "127.0.0.1",
    COOKIE_SECRET: TEST_COOKIE_SECRET,
    RATE_LIMIT_MAX: "100000",
    ...env,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ config, database, logStream });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    database,
    origin: `http://127.0.0.1:${port}`,
    logs,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
