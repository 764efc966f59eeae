import { ConfigError, loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { seedDemo, seedReference } from "../src/db/seed.js";
import { createAdminCommand } from "./create-admin.js";
import { importCommand } from "./import.js";
import { opinionMapCommand } from "./opinion-map.js";

const COMMANDS: Record<string, { help: string; run: (args: string[]) => Promise<void> }> = {
  "create-admin": {
    help: '--email EMAIL --name "FULL NAME": make a platform admin; prints a link to set a password',
    run: async (args) => {
      await withDatabase(async (database) => {
        process.exitCode = await createAdminCommand(args, database, loadConfig().publicUrl);
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
  seed: {
    help: "insert missing reference data; with --demo, demo content too",
    run: async (args) => {
      await withDatabase(async (database) => {
        await seedReference(database);
        if (args.includes("--demo")) console.log((await seedDemo(database)).join("\n"));
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
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
