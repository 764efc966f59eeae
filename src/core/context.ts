import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import fp from "fastify-plugin";
import type { Config } from "../config.js";
import type { Database, Db } from "../db/client.js";
import { type Counters, countersFor } from "./counters/counters.js";
import "./features/registry.js";
import { databaseFileStore } from "./files/database-store.js";
import { type FileStore, localFileStore } from "./files/store.js";
import type { FeatureManifest } from "./manifest.js";
import { platformSettings } from "./settings/tables.js";

declare module "fastify" {
  interface FastifyInstance {
    config: Config & { cookieSecret: string };
    database: Database;
    db: Db;
    /** Uploaded files: in the database on PostgreSQL (shared by every node), under DATA_DIR/files on PGlite. */
    files: FileStore;
    /** Rate-limit and throttle counters, shared by every node on PostgreSQL. */
    counters: Counters;
  }
}

/** Where uploaded files live: in the database on PostgreSQL (shared by every node), under DATA_DIR/files on PGlite. */
export function fileStoreFor(database: Database, config: Pick<Config, "dataDir">): FileStore {
  return database.kind === "postgres"
    ? databaseFileStore(database.db)
    : localFileStore(join(config.dataDir, "files"));
}

async function generatedSecret(database: Database): Promise<string> {
  await database.db
    .insert(platformSettings)
    .values({ key: "cookie_secret", value: randomBytes(32).toString("hex") })
    .onConflictDoNothing();
  const [row] = await database.db
    .select()
    .from(platformSettings)
    .where(eq(platformSettings.key, "cookie_secret"));
  return String(row?.value);
}

/**
 * Makes the configuration, the open database and the feature list available to every plugin (the
 * central lists, such as open data's catalogue, read what the features offer from `app.features`).
 */
export const contextPlugin = fp<{ config: Config; database: Database; features: readonly FeatureManifest[] }>(
  async (app, { config, database, features }) => {
    // Outside production a missing secret is generated once and kept in the database, so
    // cookies survive restarts of a development machine. Production requires COOKIE_SECRET.
    const cookieSecret = config.COOKIE_SECRET || (await generatedSecret(database));
    app.decorate("config", { ...config, cookieSecret });
    app.decorate("database", database);
    app.decorate("features", features);
    app.decorate("db", database.db);
    app.decorate("files", fileStoreFor(database, config));
    app.decorate("counters", countersFor(database, cookieSecret));
  },
  { name: "sharek-config" },
);
