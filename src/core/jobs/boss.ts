import type { PGlite, Results } from "@electric-sql/pglite";
import type pg from "pg";
import PgBoss from "pg-boss";
import type { Database } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";

/**
 * pg-boss over the app's own database. On PostgreSQL it shares the pool. On PGlite it goes through an
 * adapter: parameterised SQL → query(); SQL without parameters (pg-boss's multi-statement
 * migrations and maintenance) → exec(), answered like pg does: one result, or an array of results.
 */
export function bossAdapter(database: Database): PgBoss.Db {
  if (database.kind === "postgres") {
    const pool = database.driver as pg.Pool;
    return { executeSql: (text, values) => pool.query(text, values) };
  }
  const client = database.driver as PGlite;
  return {
    executeSql: async (text, values) => {
      if (values && values.length > 0) return client.query(text, values);
      const results: Results[] = await client.exec(text);
      return (results.length === 1 ? results[0] : results) as { rows: unknown[] };
    },
  };
}

export interface BossOptions {
  /** Run the scheduler and maintenance (one or more nodes may do it; pg-boss coordinates them). */
  supervise: boolean;
  /** How often workers ask for jobs, in seconds (pg-boss default: 2). */
  pollingIntervalSeconds?: number;
}

/**
 * Starts pg-boss, installing its schema on a new database. Nodes started together on a new database
 * all install it; pg-boss serialises them with an advisory lock and expects a loser to be told the
 * schema "already exists", but PostgreSQL has also answered a unique violation on pg_namespace
 * (seen once in the cluster suite, not reproduced since): the winner has installed it, so the
 * node starts again on it.
 */
export async function startBoss(database: Database, options: BossOptions): Promise<PgBoss> {
  try {
    return await startOnce(database, options);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return startOnce(database, options);
  }
}

async function startOnce(database: Database, options: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    db: bossAdapter(database),
    schema: "pgboss",
    supervise: options.supervise,
    schedule: options.supervise,
    migrate: true,
    // pg-boss rejects the key when present but undefined.
    ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
  });
  await boss.start();
  return boss;
}
