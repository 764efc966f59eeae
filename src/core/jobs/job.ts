import type { Db } from "../../db/client.js";
import type { FileStore } from "../files/store.js";
import type { FeatureManifest } from "../manifest.js";

/** What a job may need besides the database and the clock. */
export interface JobEnv {
  /** Where the app is served, for links in mails ("https://sharek.tn", no trailing slash). */
  publicUrl: string;
  /** The server secret that signs links in mails (a request's unsubscribe link) and keys opt-outs. */
  secret: string;
  /**
   * The app's features, for a job that reads what they offer (the insights refresh counts their
   * contribution sources).
   */
  features: readonly FeatureManifest[];
  /** The installation's file store, for a job that reads or deletes uploaded files (data exports, retention). */
  files?: FileStore;
  /** How many held ballots a participatory budget's ballot box mixes at once (BALLOT_MIX_MINIMUM). */
  ballotMixMinimum?: number;
}

/**
 * A periodic job a feature declares in its manifest. `run` is a plain async function: tests call it
 * with a fixed clock, and the runner (runner.ts) only wires it to pg-boss. It must be safe to run
 * twice at the same time (several nodes, or a run that outlasts its period): guard each change in
 * the database, never in memory.
 */
export interface JobDefinition {
  /** The pg-boss queue: letters, digits and hyphens, prefixed by the feature ("cases-deadlines"). */
  name: string;
  /** When it runs: a five-field cron expression, in UTC. */
  cron: string;
  run(db: Db, now: Date, env: JobEnv): Promise<unknown>;
}
