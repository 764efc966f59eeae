import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { tstz } from "../../db/columns.js";

/**
 * What the daily retention purge did for each rule: the figures /metrics reports, the same from
 * whichever node asks.
 */
export const retentionRuns = pgTable("retention_runs", {
  rule: text("rule").primaryKey(),
  lastRunAt: tstz("last_run_at").notNull(),
  /** Rows purged by the latest run. */
  lastPurged: integer("last_purged").notNull(),
  /** Rows purged since the rule was first applied. */
  totalPurged: integer("total_purged").notNull(),
});
