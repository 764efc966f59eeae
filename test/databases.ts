import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  createDatabase,
  type Database,
  openPostgres,
  PGLITE_EXTENSIONS,
  wrapPglite,
} from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { seedDemo, seedReference } from "../src/db/seed.js";

/**
 * Test databases. One template per run is migrated and given the reference data; each test file
 * then gets its own copy: a PGlite data-dir dump by default, or, when TEST_DATABASE_URL is set,
 * a PostgreSQL database created from a template database and dropped at the end of the run.
 */
export const RUN_PREFIX = `sharek_test_${process.env.SHAREK_TEST_RUN ?? "local"}`;
const PGLITE_TEMPLATE = join(tmpdir(), `${RUN_PREFIX}.tar`);
/** The reference template with the demo content too (the unit suite's; see prepareDemoTemplate). */
const PGLITE_DEMO_TEMPLATE = join(tmpdir(), `${RUN_PREFIX}-demo.tar`);
export const POSTGRES_DEMO_TEMPLATE = `${RUN_PREFIX}_demo`;
/** What seedDemo printed when it filled the demo template. */
const DEMO_LINES = join(tmpdir(), `${RUN_PREFIX}-demo.json`);

export function postgresUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function prepareTemplate(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    const url = postgresUrl(`${RUN_PREFIX}_template`);
    await createDatabase(url);
    const database = await openPostgres(url, 2);
    await runMigrations(database);
    await seedReference(database);
    await database.close();
    return;
  }
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = wrapPglite(client);
  await runMigrations(database);
  await seedReference(database);
  const dump = await client.dumpDataDir("none");
  await writeFile(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await client.close();
}

/**
 * The demo content (seedDemo, its documents in the database's own file store) on a copy of the
 * reference template, once per run: the tests of the demo read copies of it (openTestDatabase with
 * `demo`) instead of each seeding it again, which takes seconds.
 */
export async function prepareDemoTemplate(): Promise<void> {
  const postgres = Boolean(process.env.TEST_DATABASE_URL);
  let database: Database;
  if (postgres) {
    const url = postgresUrl(POSTGRES_DEMO_TEMPLATE);
    await createDatabase(url, `${RUN_PREFIX}_template`);
    database = await openPostgres(url, 2);
  } else database = await openTestDatabase();
  await writeFile(DEMO_LINES, JSON.stringify(await seedDemo(database)));
  if (!postgres) {
    const dump = await (database.driver as PGlite).dumpDataDir("none");
    await writeFile(PGLITE_DEMO_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  }
  await database.close();
}

/** What seedDemo printed when it filled the demo template. */
export async function demoLines(): Promise<string[]> {
  return JSON.parse(await readFile(DEMO_LINES, "utf8")) as string[];
}

/**
 * A fresh, migrated database with reference data, private to the caller; with `demo`, the demo
 * content too (the unit suite's global setup prepares it).
 */
export async function openTestDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  if (process.env.TEST_DATABASE_URL) {
    const name = `${RUN_PREFIX}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const url = postgresUrl(name);
    await createDatabase(url, options.demo ? POSTGRES_DEMO_TEMPLATE : `${RUN_PREFIX}_template`);
    return openPostgres(url, 4);
  }
  const dump = await readFile(options.demo ? PGLITE_DEMO_TEMPLATE : PGLITE_TEMPLATE);
  const client = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS });
  return wrapPglite(client);
}

/** Drops every database this run created (PostgreSQL outlives the run), and the PGlite template files. */
export async function dropRunDatabases(): Promise<void> {
  for (const file of [PGLITE_TEMPLATE, PGLITE_DEMO_TEMPLATE, DEMO_LINES]) await rm(file, { force: true });
  if (!process.env.TEST_DATABASE_URL) return;
  const admin = new pg.Client({ connectionString: postgresUrl("postgres") });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`${RUN_PREFIX}%`],
    );
    for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await admin.end();
  }
}

/** An installation's PGlite data directory (DATA_DIR/pglite) holding a copy of a PGlite database (the run's migrated template by default). */
export async function pgliteDataDirFromTemplate(dataDir: string, database?: Database): Promise<void> {
  const source =
    database ??
    wrapPglite(
      await PGlite.create({
        loadDataDir: new Blob([await readFile(PGLITE_TEMPLATE)]),
        extensions: PGLITE_EXTENSIONS,
      }),
    );
  const dump = await (source.driver as PGlite).dumpDataDir("none");
  if (!database) await source.close();
  await mkdir(dataDir, { recursive: true });
  await (
    await PGlite.create({
      dataDir: join(dataDir, "pglite"),
      loadDataDir: dump,
      extensions: PGLITE_EXTENSIONS,
    })
  ).close();
}
