import { randomBytes } from "node:crypto";
import fp from "fastify-plugin";
import type { Config } from "../config.js";
import type { Database, Db } from "../db/client.js";

declare module "fastify" {
  interface FastifyInstance {
    config: Config & { cookieSecret: string };
    database: Database;
    db: Db;
  }
}

/** Makes the configuration and the open database available to every plugin. */
export const contextPlugin = fp<{ config: Config; database: Database }>(
  async (app, { config, database }) => {
    // Outside production a missing secret is replaced by a random one: cookies then last one run.
    const cookieSecret = config.COOKIE_SECRET || randomBytes(32).toString("hex");
    app.decorate("config", { ...config, cookieSecret });
    app.decorate("database", database);
    app.decorate("db", database.db);
  },
  { name: "sharek-config" },
);
