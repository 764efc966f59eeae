import type PgBoss from "pg-boss";
import type { Database } from "../../db/client.js";
import type { FeatureManifest } from "../manifest.js";
import { startBoss } from "./boss.js";
import type { JobDefinition, JobEnv } from "./job.js";

/** What the runner logs through (the app's pino logger fits). */
export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobRunnerOptions extends Omit<JobEnv, "features"> {
  /** How often each worker asks for work, in seconds (pg-boss default: 2; minimum 0.5). */
  pollingIntervalSeconds?: number;
}

/** Stops taking jobs, lets running ones finish (up to 8 s, within the server's 10 s of grace), then stops pg-boss. */
export type StopJobs = () => Promise<void>;

/**
 * A periodic job's queue: a failed run is not retried, since the next tick runs it again; a run that
 * hangs (a node died mid-run) expires after 15 minutes and the next tick takes over.
 */
const QUEUE: Omit<PgBoss.Queue, "name"> = { policy: "standard", retryLimit: 0, expireInSeconds: 15 * 60 };

/**
 * Starts pg-boss (with its scheduler and maintenance: pg-boss coordinates them between nodes) and,
 * for every job the manifests declare, creates its queue, schedules it by cron and works it. Every
 * node may do this at the same time (see createQueue): a cron tick makes one job, and a job's own
 * guards make a second run harmless. On PGlite it runs in the same process, through the adapter in boss.ts.
 */
export async function startJobs(
  database: Database,
  manifests: readonly FeatureManifest[],
  log: JobLog,
  options: JobRunnerOptions,
): Promise<StopJobs> {
  const jobs = manifests.flatMap((m) => m.jobs ?? []);
  const names = new Set(jobs.map((j) => j.name));
  if (names.size !== jobs.length) throw new Error("two jobs share a queue name");
  const env: JobEnv = {
    publicUrl: options.publicUrl,
    secret: options.secret,
    features: manifests,
    files: options.files,
    ballotMixMinimum: options.ballotMixMinimum,
  };

  const boss = await startBoss(database, {
    supervise: true,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
  });
  // pg-boss reports database trouble as "error" events; an EventEmitter without a listener would crash.
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  try {
    for (const job of jobs) {
      await createQueue(boss, job.name);
      await boss.schedule(job.name, job.cron);
      await boss.work(job.name, { batchSize: 1 }, (batch) => runBatch(database, job, env, log, batch));
    }
    // A job no manifest declares any more would keep filling a queue that no one works.
    for (const schedule of await boss.getSchedules()) {
      if (names.has(schedule.name)) continue;
      await boss.unschedule(schedule.name);
      log.info({ job: schedule.name }, "job unscheduled");
    }
  } catch (error) {
    await boss.stop({ graceful: false, close: false });
    throw error;
  }
  log.info({ jobs: [...names] }, "jobs started");
  return () => boss.stop({ graceful: true, wait: true, close: false, timeout: 8_000 });
}

/**
 * Creates a queue unless it exists. pg-boss makes each queue's table with DDL, so two nodes starting
 * together on a new database can deadlock there: PostgreSQL cancels one of them, which tries again
 * and finds the queue made.
 */
async function createQueue(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, { name, ...QUEUE });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt === 3) throw error;
    }
  }
}

async function runBatch(
  database: Database,
  job: JobDefinition,
  env: JobEnv,
  log: JobLog,
  batch: PgBoss.Job<unknown>[],
): Promise<void> {
  for (const item of batch) {
    const started = Date.now();
    try {
      const result = await job.run(database.db, new Date(), env);
      log.info({ job: job.name, id: item.id, ms: Date.now() - started, result }, "job done");
    } catch (error) {
      log.error({ job: job.name, id: item.id, err: error }, "job failed");
      throw error;
    }
  }
}
