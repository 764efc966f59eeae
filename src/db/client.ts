import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { FEATURES } from "../features/index.js";
import { lockDataDir } from "./data-dir-lock.js";
import { schemaOf } from "./schema.js";

/** Every table, core's and each feature's (db/schema.ts); only relational queries (db.query) read it. */
export type Schema = Record<string, unknown>;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * The drizzle schema, from the feature list. Read when a database is opened, never while modules
 * load: features import this module (rowsOf), so the list is not complete before then.
 */
let schema: Schema | undefined;
const fullSchema = () => {
  schema ??= schemaOf(FEATURES);
  return schema;
};

/** An open database: drizzle on top, plus what start-up and operations need. */
export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs several SQL statements at once (no parameters). */
  exec(sql: string): Promise<void>;
  /**
   * Runs one parameterised statement and returns its rows. With a name, PostgreSQL parses and plans
   * it once per connection (a prepared statement): for the few statements every request runs.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], name?: string): Promise<T[]>;
  close(): Promise<void>;
  /** The PGlite instance in embedded mode, the pool on PostgreSQL. */
  driver: PGlite | pg.Pool;
}

export const PGLITE_EXTENSIONS = { pg_trgm };

export function wrapPglite(client: PGlite): Database {
  return {
    kind: "pglite",
    db: drizzlePglite(client, { schema: fullSchema() }) as unknown as Db,
    exec: async (text) => {
      await client.exec(text);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
    driver: client,
  };
}

export function wrapPool(pool: pg.Pool): Database {
  return {
    kind: "postgres",
    db: drizzlePg(pool, { schema: fullSchema() }) as unknown as Db,
    exec: async (text) => {
      await pool.query(text);
    },
    query: async <T>(text: string, params: unknown[] = [], name?: string) =>
      (await pool.query({ text, values: params, name })).rows as T[],
    close: () => pool.end(),
    driver: pool,
  };
}

/**
 * Opens the embedded database under DATA_DIR/pglite (in memory without a directory), holding
 * DATA_DIR/sharek.lock until closed: a CLI command beside a running server refuses instead of
 * corrupting the server's database.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (!dataDir) return wrapPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const database = wrapPglite(
      await PGlite.create({ dataDir: join(dataDir, "pglite"), extensions: PGLITE_EXTENSIONS }),
    );
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens PostgreSQL, creating the database first when it does not exist yet. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end();
    if ((error as { code?: string }).code !== "3D000") throw error;
    await createDatabase(url);
    return openPostgres(url, max);
  }
  return wrapPool(pool);
}

export async function createDatabase(url: string, template?: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
    await client.query(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ""}`);
  } catch (error) {
    if ((error as { code?: string }).code !== "42P04") throw error; // already exists: another node won
  } finally {
    await client.end();
  }
}

export function openDatabase(config: {
  DATABASE_URL: string;
  DATABASE_POOL_MAX: number;
  dataDir: string;
}): Promise<Database> {
  return config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, config.DATABASE_POOL_MAX)
    : openPglite(config.dataDir);
}

/** The rows of a raw `db.execute(sql…)`, the same on both engines. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
