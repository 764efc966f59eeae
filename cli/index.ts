import { ConfigError, loadConfig } from "../src/config.js";
import { fileStoreFor } from "../src/core/context.js";
import { backup } from "../src/db/backup.js";
import { BackupError } from "../src/db/backup-shared.js";
import { openDatabase } from "../src/db/client.js";
import { DataDirLockedError } from "../src/db/data-dir-lock.js";
import { runMigrations } from "../src/db/migrate.js";
import { restore } from "../src/db/restore.js";
import { seedDemo, seedReference } from "../src/db/seed.js";
import { accountabilityCommand } from "./accountability.js";
import { createAdminCommand } from "./create-admin.js";
import { filesMigrateCommand } from "./files.js";
import { importCommand } from "./import.js";
import { opinionMapCommand } from "./opinion-map.js";

const COMMANDS: Record<string, { help: string; run: (args: string[]) => Promise<void> }> = {
  accountability: {
    help: "import FILE.csv: create or update results (accountability) by their code from a CSV file",
    run: async (args) => {
      await withDatabase(async (database) => {
        await seedReference(database); // structures, governorates and themes that rows refer to
        process.exitCode = await accountabilityCommand(args, database);
      });
    },
  },
  backup: {
    help: "--out FILE: back up the database and the uploaded files into one archive",
    run: async (args) => {
      const out = args[args.indexOf("--out") + 1];
      if (!args.includes("--out") || !out) throw new BackupError("Usage: npm run cli -- backup --out FILE");
      await backup(loadConfig(), out, process);
    },
  },
  "create-admin": {
    help: '--email EMAIL --name "FULL NAME": make a platform admin; prints a link to set a password',
    run: async (args) => {
      await withDatabase(async (database) => {
        process.exitCode = await createAdminCommand(args, database, loadConfig().publicUrl);
      });
    },
  },
  files: {
    help: "migrate: copy the files under DATA_DIR/files into the database (PostgreSQL); safe to repeat",
    run: async (args) => {
      const config = loadConfig();
      if (args[0] !== "migrate") throw new BackupError("Usage: npm run cli -- files migrate");
      if (!config.DATABASE_URL) {
        throw new BackupError(
          "With the embedded database (no DATABASE_URL) files stay under DATA_DIR/files.",
        );
      }
      await withDatabase(async (database) => {
        process.exitCode = await filesMigrateCommand(database, config.dataDir);
      });
    },
  },
  import: {
    help: "import structures FILE.csv: create or update structures from a CSV file",
    run: async (args) => {
      await withDatabase(async (database) => {
        await seedReference(database); // governorates and reference structures that rows may refer to
        process.exitCode = await importCommand(args, database);
      });
    },
  },
  migrate: {
    help: "apply the SQL migrations to the configured database",
    run: async () => {
      await withDatabase(async () => {});
      console.log("Migrations applied.");
    },
  },
  "opinion-map": {
    help: "import --votes votes.csv --comments comments.csv --out DIR: opinion groups of a Pol.is export",
    run: async (args) => {
      process.exitCode = await opinionMapCommand(args);
    },
  },
  restore: {
    help: "FILE: replace the database and the files with a backup (every server stopped first)",
    run: async (args) => {
      if (!args[0]) throw new BackupError("Usage: npm run cli -- restore FILE");
      await restore(loadConfig(), args[0], process);
    },
  },
  seed: {
    help: "insert missing reference data; with --demo, demo content too",
    run: async (args) => {
      await withDatabase(async (database) => {
        await seedReference(database);
        if (args.includes("--demo"))
          console.log((await seedDemo(database, fileStoreFor(database, loadConfig()))).join("\n"));
      });
      console.log("Seeded.");
    },
  },
};

async function withDatabase(work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) {
  const database = await openDatabase(loadConfig());
  try {
    await runMigrations(database);
    await work(database);
  } finally {
    await database.close();
  }
}

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  console.log("Usage: npm run cli -- <command>\n");
  for (const [n, c] of Object.entries(COMMANDS)) console.log(`  ${n.padEnd(20)} ${c.help}`);
  process.exit(name ? 1 : 0);
}
try {
  await command.run(args);
} catch (error) {
  const known =
    error instanceof ConfigError || error instanceof BackupError || error instanceof DataDirLockedError;
  console.error(known ? error.message : error);
  process.exit(1);
}
