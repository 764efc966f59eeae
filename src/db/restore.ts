import { mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  BackupError,
  type BackupOutput,
  type BackupTarget,
  buildMigrations,
  FILES,
  MANIFEST,
  type Manifest,
  PG_DUMP,
  PGLITE_DUMP,
  progressBar,
  run,
} from "./backup-shared.js";
import { createDatabase, openPostgres, PGLITE_EXTENSIONS, wrapPglite } from "./client.js";
import { lockDataDir } from "./data-dir-lock.js";
import { runMigrations } from "./migrate.js";
import { type TarEntry, TarReader } from "./tar.js";

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
