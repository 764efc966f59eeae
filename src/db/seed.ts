import { eq } from "drizzle-orm";
import type { Config } from "../config.js";
import { databaseFileStore } from "../core/files/database-store.js";
import type { FileStore } from "../core/files/store.js";
import { platformSettings } from "../core/settings/tables.js";
import { FEATURES } from "../features/index.js";
import type { Database } from "./client.js";

const FIRST_START = "first_start";

/** Inserts every feature's reference data (idempotent). */
export async function seedReference(database: Database): Promise<void> {
  for (const manifest of FEATURES) await manifest.seedReference?.(database.db);
}

/**
 * Inserts every feature's demo content and returns what to print. Demo documents go to `files`, the
 * store the app serves them from (the database's own store when none is given).
 */
export async function seedDemo(
  database: Database,
  files: FileStore = databaseFileStore(database.db),
): Promise<string[]> {
  const lines: string[] = [];
  for (const manifest of FEATURES)
    lines.push(...((await manifest.seedDemo?.(database.db, files, FEATURES)) ?? []));
  return lines;
}

/**
 * At every start: reference data. On the very first start of a database, and only when asked for
 * with SEED_DEMO=true (which production refuses): demo content too. Returns the lines to print.
 */
export async function seedOnFirstStart(
  database: Database,
  config: Pick<Config, "SEED_DEMO">,
  files?: FileStore,
): Promise<string[]> {
  await seedReference(database);
  const { db } = database;
  const marker = await db.select().from(platformSettings).where(eq(platformSettings.key, FIRST_START));
  if (marker.length > 0) return [];
  const inserted = await db
    .insert(platformSettings)
    .values({ key: FIRST_START, value: { at: new Date().toISOString(), demo: config.SEED_DEMO } })
    .onConflictDoNothing()
    .returning();
  // Another node won the race to the first start: it seeds.
  if (inserted.length === 0 || !config.SEED_DEMO) return [];
  return ["Demo content loaded.", ...(await seedDemo(database, files))];
}
