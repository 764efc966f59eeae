import { mkdtemp, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { localFileKeys } from "../core/files/local-files.js";
import {
  appliedMigrations,
  type BackupOutput,
  type BackupTarget,
  FILES,
  MANIFEST,
  type Manifest,
  type Migrations,
  PG_DUMP,
  PGLITE_DUMP,
  progressBar,
  run,
} from "./backup-shared.js";
import { openPglite, openPostgres } from "./client.js";
import { TarWriter } from "./tar.js";

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
