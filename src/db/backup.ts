import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import cliProgress from "cli-progress";
import { readMigrationFiles } from "drizzle-orm/migrator";
import pg from "pg";
import { localFileKeys } from "../core/files/local-files.js";
import {
  createDatabase,
  type Database,
  openPglite,
  openPostgres,
  PGLITE_EXTENSIONS,
  wrapPglite,
} from "./client.js";
import { lockDataDir } from "./data-dir-lock.js";
import { MIGRATIONS_FOLDER, runMigrations } from "./migrate.js";
import { type TarEntry, TarReader, TarWriter } from "./tar.js";

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

const MANIFEST = "sharek-backup.json";
const PG_DUMP = "database.pgdump";
const PGLITE_DUMP = "pglite.tar.gz";
const FILES = "files/";

interface Migrations {
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

async function appliedMigrations(database: Database): Promise<Migrations> {
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

function progressBar(out: BackupOutput, what: string) {
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
function run(command: string, args: string[], url: string, onLine: (line: string) => void): Promise<string> {
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

/** Writes a backup of the configured installation to `out` (first as out.partial, renamed when complete). */
export async function backup(target: BackupTarget, out: string, output: BackupOutput): Promise<Manifest> {
  const partial = `${out}.partial`;
  const work = await mkdtemp(join(dirname(out), ".sharek-backup-"));
  try {
    const manifest = target.DATABASE_URL
      ? await backupPostgres(target.DATABASE_URL, partial, work, output)
      : await backupPglite(target.dataDir, partial, output);
    await rename(partial, out);
    const { size } = await stat(out);
    output.stdout.write(
      `Backup written to ${out} (${(size / 1e6).toFixed(1)} MB, ${manifest.migrations.count} migrations, ${manifest.files} files).\n`,
    );
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

async function backupPostgres(url: string, partial: string, work: string, output: BackupOutput) {
  const database = await openPostgres(url, 1);
  let migrations: Migrations;
  let tables = 0;
  let files = 0;
  try {
    migrations = await appliedMigrations(database);
    const [row] = await database.query<{ tables: number; hasFiles: boolean }>(
      `select (select count(*)::int from pg_tables where schemaname not in ('pg_catalog', 'information_schema')) as tables,
              to_regclass('public.stored_files') is not null as "hasFiles"`,
    );
    tables = row?.tables ?? 0;
    // A database not yet migrated to this version has no stored_files table.
    if (row?.hasFiles) {
      files = (await database.query<{ n: number }>("select count(*)::int as n from stored_files"))[0]?.n ?? 0;
    }
  } finally {
    await database.close();
  }
  const dump = join(work, PG_DUMP);
  output.stdout.write("Dumping the PostgreSQL database (pg_dump)…\n");
  const bar = progressBar(output, "Tables");
  bar.start(tables, 0);
  try {
    await run("pg_dump", ["--format=custom", "--verbose", `--file=${dump}`], url, (line) => {
      if (line.includes("dumping contents of table")) bar.increment();
    });
  } finally {
    bar.stop();
  }
  const manifest: Manifest = { format: 1, engine: "postgres", migrations, files };
  const archive = await TarWriter.create(partial);
  try {
    await archive.add(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
    await archive.addFile(PG_DUMP, dump);
  } finally {
    await archive.close();
  }
  return manifest;
}

async function backupPglite(dataDir: string, partial: string, output: BackupOutput) {
  output.stdout.write(`Dumping the embedded database in ${dataDir}…\n`);
  const database = await openPglite(dataDir); // refuses while a server holds the directory
  let migrations: Migrations;
  let dump: Buffer;
  try {
    migrations = await appliedMigrations(database);
    dump = Buffer.from(await (await (database.driver as PGlite).dumpDataDir("gzip")).arrayBuffer());
    const root = join(dataDir, "files");
    const keys = await localFileKeys(root);
    const manifest: Manifest = { format: 1, engine: "pglite", migrations, files: keys.length };
    const archive = await TarWriter.create(partial);
    const bar = progressBar(output, "Files");
    bar.start(keys.length, 0);
    try {
      await archive.add(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
      await archive.add(PGLITE_DUMP, dump);
      for (const key of keys) {
        await archive.addFile(`${FILES}${key}`, join(root, key));
        bar.increment();
      }
    } finally {
      bar.stop();
      await archive.close();
    }
    return manifest;
  } finally {
    await database.close(); // the lock is held until the files are archived too
  }
}

/**
 * Restores a backup into the configured installation. Refuses a backup of the other engine, one
 * made by a newer Sharek (its schema has migrations this build does not know), a PGlite directory
 * a running process holds, and a PostgreSQL database other sessions are connected to.
 * Older backups are brought up to this build's schema afterwards.
 */
export async function restore(target: BackupTarget, file: string, output: BackupOutput): Promise<Manifest> {
  const archive = await TarReader.open(file);
  try {
    const entries: TarEntry[] = [];
    for await (const entry of archive.entries()) entries.push(entry);
    const manifest =
      entries[0]?.name === MANIFEST
        ? (JSON.parse((await archive.read(entries[0])).toString()) as Manifest)
        : null;
    if (manifest?.format !== 1) throw new BackupError(`${file} is not a Sharek backup.`);
    const engine = target.DATABASE_URL ? "postgres" : "pglite";
    if (manifest.engine !== engine) {
      throw new BackupError(
        manifest.engine === "postgres"
          ? "This backup is of a PostgreSQL database: set DATABASE_URL to restore it."
          : "This backup is of an embedded (PGlite) database: unset DATABASE_URL and set DATA_DIR to restore it.",
      );
    }
    const known = buildMigrations();
    if (manifest.migrations.count > known.count || manifest.migrations.last > known.last) {
      throw new BackupError(
        `This backup comes from a newer Sharek (schema with ${manifest.migrations.count} migrations; this version knows ${known.count}). Restore it with that version or a later one.`,
      );
    }
    const entry = (name: string) => entries.find((e) => e.name === name);
    if (engine === "postgres") {
      const dump = entry(PG_DUMP);
      if (!dump) throw new BackupError(`${file} has no ${PG_DUMP}: incomplete backup.`);
      await restorePostgres(target.DATABASE_URL, archive, dump, file, output);
    } else {
      const dump = entry(PGLITE_DUMP);
      if (!dump) throw new BackupError(`${file} has no ${PGLITE_DUMP}: incomplete backup.`);
      await restorePglite(
        target.dataDir,
        archive,
        dump,
        entries.filter((e) => e.name.startsWith(FILES)),
        output,
      );
    }
    output.stdout.write(
      `Restored ${file} (${manifest.migrations.count} migrations, ${manifest.files} files).\n`,
    );
    return manifest;
  } finally {
    await archive.close();
  }
}

async function restorePostgres(
  url: string,
  archive: TarReader,
  dump: TarEntry,
  file: string,
  output: BackupOutput,
) {
  await createDatabase(url); // restoring after the database was dropped
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; application_name: string }>(
      "select pid, application_name from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    if (rows.length > 0) {
      throw new BackupError(
        `The database is in use by ${rows.length} other session(s) (server process ids ${rows.map((r) => r.pid).join(", ")}): stop every Sharek node before restoring.`,
      );
    }
  } finally {
    await client.end();
  }
  const work = await mkdtemp(join(dirname(file), ".sharek-restore-"));
  try {
    const path = join(work, PG_DUMP);
    await archive.extract(dump, path);
    const list = await run("pg_restore", ["--list", path], url, () => {});
    const tables = list.split("\n").filter((line) => line.includes(" TABLE DATA ")).length;
    output.stdout.write("Restoring the PostgreSQL database (pg_restore)…\n");
    const bar = progressBar(output, "Tables");
    bar.start(tables, 0);
    try {
      await run(
        "pg_restore",
        [
          "--clean",
          "--if-exists",
          "--no-owner",
          "--no-privileges",
          "--single-transaction",
          "--exit-on-error",
          "--verbose",
          path,
        ],
        url,
        (line) => {
          if (line.includes("processing data for table")) bar.increment();
        },
      );
    } finally {
      bar.stop();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const database = await openPostgres(url, 1);
  try {
    await runMigrations(database);
  } finally {
    await database.close();
  }
}

async function restorePglite(
  dataDir: string,
  archive: TarReader,
  dump: TarEntry,
  files: TarEntry[],
  output: BackupOutput,
) {
  await mkdir(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    // What was there is kept aside, not deleted: a restore is undone by moving it back.
    const aside = join(dataDir, `before-restore-${new Date().toISOString().replaceAll(":", "-")}`);
    for (const name of ["pglite", "files"]) {
      const path = join(dataDir, name);
      if (await stat(path).catch(() => null)) {
        await mkdir(aside, { recursive: true });
        await rename(path, join(aside, name));
      }
    }
    if (await stat(aside).catch(() => null))
      output.stdout.write(`The previous database and files are in ${aside}.\n`);
    output.stdout.write(`Restoring the embedded database into ${dataDir}…\n`);
    const client = await PGlite.create({
      dataDir: join(dataDir, "pglite"),
      loadDataDir: new Blob([await archive.read(dump)]),
      extensions: PGLITE_EXTENSIONS,
    });
    try {
      await runMigrations(wrapPglite(client));
    } finally {
      await client.close();
    }
    const bar = progressBar(output, "Files");
    bar.start(files.length, 0);
    try {
      for (const entry of files) {
        const path = join(dataDir, entry.name);
        if (!path.startsWith(join(dataDir, FILES)) || entry.name.includes(".."))
          throw new BackupError(`Unsafe name in the backup: ${entry.name}`);
        await mkdir(dirname(path), { recursive: true });
        await archive.extract(entry, path);
        bar.increment();
      }
    } finally {
      bar.stop();
    }
  } finally {
    release();
  }
}
