import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { FileStore } from "../files/store.js";
import type { FeatureManifest } from "../manifest.js";
import type { RetentionRule } from "./contracts.js";
import { retentionRuns } from "./tables.js";

/** Rows per batch: each batch is its own short statement, so the purge never holds long locks. */
export const PURGE_BATCH = 500;
/** Batches per rule and run at most: what is left waits for the next day's run. */
const MAX_BATCHES = 200;

const DAY_MS = 86_400_000;

/** Every retention rule the features declare, in the feature list's order. */
export function retentionRules(features: readonly FeatureManifest[]): RetentionRule[] {
  const rules = features.flatMap((f) => f.retention ?? []);
  if (new Set(rules.map((r) => r.id)).size !== rules.length)
    throw new Error("two retention rules share an id");
  return rules;
}

/**
 * Applies every rule: purges, batch after batch, what is older than the rule's duration at `now`,
 * and records the figures (retention_runs, read by /metrics). Safe to run twice at once: each batch
 * only touches rows still past their cutoff.
 */
export async function applyRetention(
  db: Db,
  now: Date,
  features: readonly FeatureManifest[],
  options: { files?: FileStore; batch?: number } = {},
): Promise<Record<string, number>> {
  const limit = options.batch ?? PURGE_BATCH;
  const figures: Record<string, number> = {};
  for (const rule of retentionRules(features)) {
    const cutoff = new Date(now.getTime() - rule.days * DAY_MS);
    let purged = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const n = await rule.purge({ db, cutoff, limit, files: options.files });
      purged += n;
      if (n < limit) break;
    }
    figures[rule.id] = purged;
    await db
      .insert(retentionRuns)
      .values({ rule: rule.id, lastRunAt: now, lastPurged: purged, totalPurged: purged })
      .onConflictDoUpdate({
        target: retentionRuns.rule,
        set: {
          lastRunAt: now,
          lastPurged: purged,
          totalPurged: sql`${retentionRuns.totalPurged} + ${purged}`,
        },
      });
  }
  return figures;
}
