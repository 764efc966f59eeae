import { spawn } from "node:child_process";
import cliProgress from "cli-progress";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Database } from "./client.js";
import { MIGRATIONS_FOLDER } from "./migrate.js";

/**
 * Backups of a whole installation in one tar archive: a manifest (sharek-backup.json), then on
 * PostgreSQL a pg_dump archive (files live in the database), on PGlite the data directory's own
 * dump and every file under DATA_DIR/files.
 */
export interface BackupTarget {
  DATABASE_URL: string;
  dataDir: string;
}

export interface BackupOutput {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A refusal or a failure the operator can act on: the CLI prints its message alone. */
export class BackupError extends Error {
  override name = "BackupError";
}

export const MANIFEST = "sharek-backup.json";
export const PG_DUMP = "database.pgdump";
export const PGLITE_DUMP = "pglite.tar.gz";
export const FILES = "files/";

export interface Migrations {
  /** How many migrations the database had applied. */
  count: number;
  /** The newest one's journal time (what drizzle compares to decide what to apply). */
  last: number;
}

export interface Manifest {
  format: 1;
  engine: Database["kind"];
  migrations: Migrations;
  files: number;
}

export async function appliedMigrations(database: Database): Promise<Migrations> {
  const [row] = await database.query<{ count: number; last: string | null }>(
    "select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations",
  );
  return { count: row?.count ?? 0, last: Number(row?.last ?? 0) };
}

/** The migrations this build knows. */
export function buildMigrations(): Migrations {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  return { count: files.length, last: Math.max(0, ...files.map((file) => file.folderMillis)) };
}

export function progressBar(out: BackupOutput, what: string) {
  return new cliProgress.SingleBar(
    { stream: out.stderr, format: `${what} [{bar}] {value}/{total}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
}

/** libpq's connection for pg_dump/pg_restore, the password in the environment rather than argv. */
function libpq(url: string) {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = "";
  return {
    dbname: target.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** Runs pg_dump or pg_restore; each line it prints on stderr goes to onLine, and to the error on failure. */
export function run(
  command: string,
  args: string[],
  url: string,
  onLine: (line: string) => void,
): Promise<string> {
  const { dbname, env } = libpq(url);
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, `--dbname=${dbname}`], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    const errors: string[] = [];
    let pending = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (/error|fatal|warning/i.test(line)) errors.push(line);
        onLine(line);
      }
    });
    child.on("error", (error) =>
      reject(
        (error as { code?: string }).code === "ENOENT"
          ? new BackupError(
              `${command} is not installed: install Debian's postgresql-client (the server's version).`,
            )
          : error,
      ),
    );
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new BackupError(`${command} failed (exit ${code}):\n${[...errors, pending].join("\n").trim()}`),
        );
    });
  });
}
