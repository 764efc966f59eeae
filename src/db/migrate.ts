import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type pg from "pg";
import type { Database } from "./client.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
/** Any fixed number: every Sharek node takes this advisory lock while it migrates. */
const MIGRATION_LOCK = 727_274_1;

/** Puts the public-content trigger on tables that lack it (migration 0041), new ones included. */
const WATCH = "select watch_public_content()";

/**
 * Applies the committed SQL migrations, then watches any new table for the page cache. On
 * PostgreSQL, nodes starting together wait on an advisory lock, so exactly one applies each migration.
 */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(drizzlePglite(database.driver as PGlite), { migrationsFolder: MIGRATIONS_FOLDER });
    await database.query(WATCH);
    return;
  }
  const client = await (database.driver as pg.Pool).connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
    await client.query(WATCH);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/** True when every committed migration is recorded as applied. */
export async function migrationsApplied(database: Database): Promise<boolean> {
  const { readFileSync } = await import("node:fs");
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, "utf8")) as {
    entries: unknown[];
  };
  const rows = await database.query<{ n: number }>(
    "select count(*)::int as n from drizzle.__drizzle_migrations",
  );
  return (rows[0]?.n ?? 0) >= journal.entries.length;
}
