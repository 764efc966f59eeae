import type { JobDefinition } from "../../core/jobs/job.js";
import { applyRetention } from "../../core/personal-data/retention.js";

/**
 * The daily retention purge: applies every rule the features declare (the table on the
 * personal-data notice), in batches, and records what it purged for /metrics.
 */
export const retentionPurgeJob: JobDefinition = {
  name: "legal-retention-purge",
  cron: "30 2 * * *",
  run: (db, now, env) => applyRetention(db, now, env.features, { files: env.files }),
};
