import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { fileStoreFor } from "./core/context.js";
import { type StopJobs, startJobs } from "./core/jobs/runner.js";
import { openDatabase } from "./db/client.js";
import { maintainDatabase, scheduleMaintenance } from "./db/maintenance.js";
import { runMigrations } from "./db/migrate.js";
import { seedOnFirstStart } from "./db/seed.js";
import { FEATURES } from "./features/index.js";

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = await openDatabase(config);
  await runMigrations(database);
  const seeded = await seedOnFirstStart(database, config, fileStoreFor(database, config));
  // PGlite has no autovacuum: statistics and visibility now, then every hour.
  await maintainDatabase(database);

  const app = await buildApp({ config, database });
  let closing = false;
  let jobs: Promise<StopJobs> | null = null;
  let stopMaintenance = () => {};
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    stopMaintenance();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // New connections are refused from now on, so nginx passes those requests to another node, POSTs
    // included (a refused connection was never received). server.close() closes the connections idle
    // at this moment; the requests already received are served as usual, and a connection left idle
    // after its answer closes within about a second (keepAliveTimeout). Once the last one is closed,
    // app.close() runs (it answers 503 to a request on a connection still open). Connections still
    // queued when the listener closes are reset by the kernel: nginx sends those requests, POSTs
    // included, to the other node (deploy/nginx.conf, non_idempotent).
    app.server.keepAliveTimeout = 100;
    const drained = new Promise<void>((resolve) => app.server.close(() => resolve()));
    // Running jobs finish too (up to 8 s) while the database is still open. A node stopped while its
    // jobs were starting stops them once they have.
    await Promise.all([jobs?.then((stopJobs) => stopJobs()), drained.then(() => app.close())]);
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.PORT, host: config.HOST });
  stopMaintenance = scheduleMaintenance(database, app.log);
  jobs = startJobs(database, FEATURES, app.log, {
    publicUrl: config.publicUrl,
    secret: app.config.cookieSecret,
    files: app.files,
    ballotMixMinimum: config.BALLOT_MIX_MINIMUM,
  });
  await jobs;
  const where = config.DATABASE_URL ? "PostgreSQL" : `embedded PGlite in ${config.dataDir}`;
  console.log(`\nSharek is serving ${config.publicUrl} (database: ${where})`);
  if (seeded.length > 0) console.log(seeded.join("\n"));
}

await main();
