import type { Database } from "./client.js";

/** How often the server tidies an embedded database (see maintainDatabase). */
export const MAINTENANCE_INTERVAL_MS = 60 * 60_000;

/**
 * What PostgreSQL's autovacuum does on its own and PGlite never does (it has no background
 * workers): VACUUM ANALYZE. Without it the planner has no statistics on what the app inserted, and
 * no page is ever marked all-visible, so every count reads the table instead of an index alone (the
 * consultation page counted its 5,000 comments row by row on each view). Nothing on PostgreSQL.
 * Vacuum skips the pages already all-visible, so a run after the first one reads what changed.
 */
export async function maintainDatabase(database: Database): Promise<void> {
  if (database.kind !== "pglite") return;
  await database.exec("vacuum (analyze)");
}

/**
 * Runs maintainDatabase every `everyMs` on PGlite; returns how to stop it. A failed run is logged,
 * and the next one tries again.
 */
export function scheduleMaintenance(
  database: Database,
  log: { error(details: object, message: string): void },
  everyMs = MAINTENANCE_INTERVAL_MS,
): () => void {
  if (database.kind !== "pglite") return () => {};
  const timer = setInterval(() => {
    maintainDatabase(database).catch((error) => log.error({ err: error }, "database maintenance failed"));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
