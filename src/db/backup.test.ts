import { mkdtempSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  openTestDatabase,
  POSTGRES_DEMO_TEMPLATE,
  pgliteDataDirFromTemplate,
  postgresUrl,
  RUN_PREFIX,
} from "../../test/databases.js";
import { databaseFileStore } from "../core/files/database-store.js";
import { contentKey, localFileStore } from "../core/files/store.js";
import { backup } from "./backup.js";
import type { BackupTarget, Manifest } from "./backup-shared.js";
import { createDatabase, type Database, openPglite, openPostgres } from "./client.js";
import { restore } from "./restore.js";
import { TarReader, TarWriter } from "./tar.js";

const work = mkdtempSync(join(tmpdir(), "sharek-backup-test-"));
afterAll(() => rm(work, { recursive: true, force: true }));

const quiet = () => {
  const text = { stdout: "" };
  const sink = (key?: "stdout") =>
    new Writable({
      write(chunk, _encoding, done) {
        if (key) text[key] += String(chunk);
        done();
      },
    });
  return { text, out: { stdout: sink("stdout"), stderr: sink() } };
};

/** Every table's row count, in every schema (Sharek's, drizzle's migrations, pg-boss's). */
async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = await database.query<{ name: string }>(
    "select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (await database.query<{ n: number }>(`select count(*)::int as n from ${name}`))[0]!.n;
  }
  return counts;
}

const photo = Buffer.from([
  0xff,
  0xd8,
  0xff,
  0xe0,
  ...Buffer.from("a photo filed by a citizen"),
  0x00,
  0xff,
  0xd9,
]);
const { key } = contentKey(photo);

/** A copy of a backup whose manifest says something else. */
async function withManifest(file: string, change: (m: Manifest) => void): Promise<string> {
  const reader = await TarReader.open(file);
  const copy = `${file}.changed.tar`;
  const writer = await TarWriter.create(copy);
  for await (const entry of reader.entries()) {
    let data = await reader.read(entry);
    if (entry.name === "sharek-backup.json") {
      const manifest = JSON.parse(data.toString()) as Manifest;
      change(manifest);
      data = Buffer.from(JSON.stringify(manifest));
    }
    await writer.add(entry.name, data);
  }
  await writer.close();
  await reader.close();
  return copy;
}

// Each drill runs in the suite of its engine (CI runs both suites): the PGlite one copies the run's
// migrated PGlite template, which exists only in the PGlite suite.
describe("restore drill", () => {
  it.skipIf(process.env.TEST_DATABASE_URL)(
    "PGlite: seed, back up, wipe, restore: every table's rows and the stored file come back",
    async () => {
      const target: BackupTarget = { DATABASE_URL: "", dataDir: join(work, "pglite-data") };
      // The run's migrated template, with demo content, becomes an installation's data directory.
      const seeded = await openTestDatabase({ demo: true });
      const before = await rowCounts(seeded);
      await pgliteDataDirFromTemplate(target.dataDir, seeded);
      await seeded.close();
      await localFileStore(join(target.dataDir, "files")).put(key, photo);
      expect(before["public.consultations"]).toBeGreaterThan(0);

      const file = join(work, "pglite.tar");
      const { text, out } = quiet();
      expect(await backup(target, file, out)).toMatchObject({ engine: "pglite", files: 1 });
      expect(text.stdout).toContain(`Backup written to ${file}`);

      await rm(target.dataDir, { recursive: true });
      await restore(target, file, out);
      const restored = await openPglite(target.dataDir);
      try {
        expect(await rowCounts(restored)).toEqual(before);
      } finally {
        await restored.close();
      }
      expect(await localFileStore(join(target.dataDir, "files")).get(key)).toEqual(photo);

      // A backup made by a newer Sharek (one more migration) is refused, and nothing is touched.
      const newer = await withManifest(file, (m) => {
        m.migrations.count += 1;
        m.migrations.last += 1;
      });
      await expect(restore(target, newer, out)).rejects.toThrow(/newer Sharek/);
      // So is a PostgreSQL backup here.
      const other = await withManifest(file, (m) => {
        m.engine = "postgres";
      });
      await expect(restore(target, other, out)).rejects.toThrow(/set DATABASE_URL/);
      // And the directory of a running server (its lock names a live process: this one's parent).
      await writeFile(join(target.dataDir, "sharek.lock"), `${process.ppid}\n`);
      await expect(restore(target, file, out)).rejects.toThrow(`in use by process ${process.ppid}`);
      await expect(backup(target, join(work, "again.tar"), out)).rejects.toThrow(
        `in use by process ${process.ppid}`,
      );
    },
    120_000,
  );

  it.runIf(process.env.TEST_DATABASE_URL)(
    "PostgreSQL: seed, back up, drop the database, restore: every table's rows and the stored file come back",
    async () => {
      const url = postgresUrl(`${RUN_PREFIX}_drill_${process.pid}`);
      await createDatabase(url, POSTGRES_DEMO_TEMPLATE);
      const target: BackupTarget = { DATABASE_URL: url, dataDir: join(work, "pg-data") };
      const seeded = await openPostgres(url, 2);
      await databaseFileStore(seeded.db).put(key, photo);
      const before = await rowCounts(seeded);
      await seeded.close();

      const file = join(work, "postgres.tar");
      const { out } = quiet();
      // The photo, the document the demo's answered request came with, the demo news item's image, and
      // the two demo budget proposals' photos with their thumbnails.
      expect(await backup(target, file, out)).toMatchObject({ engine: "postgres", files: 7 });

      const admin = new pg.Client({ connectionString: postgresUrl("postgres") });
      await admin.connect();
      const name = new URL(url).pathname.slice(1);
      await admin.query(`drop database "${name}"`);
      await restore(target, file, out);
      const restored = await openPostgres(url, 2);
      try {
        expect(await rowCounts(restored)).toEqual(before);
        expect(await databaseFileStore(restored.db).get(key)).toEqual(photo);
        // A node still connected: the restore is refused.
        await expect(restore(target, file, out)).rejects.toThrow(/in use by 1 other session/);
      } finally {
        await restored.close();
        await admin.query(`drop database if exists "${name}"`);
        await admin.end();
      }
      const newer = await withManifest(file, (m) => {
        m.migrations.count += 1;
        m.migrations.last += 1;
      });
      await expect(restore(target, newer, out)).rejects.toThrow(/newer Sharek/);
    },
    120_000,
  );
});

it("a backup archive is a plain tar that tar itself lists", async () => {
  const file = join(work, "plain.tar");
  const writer = await TarWriter.create(file);
  const long = `files/ab/${"c".repeat(64)}/${"d".repeat(60)}`;
  await writer.add(long, Buffer.from("x"));
  await writer.close();
  const { execFileSync } = await import("node:child_process");
  expect(execFileSync("tar", ["-tf", file]).toString()).toBe(`${long}\n`);
  expect(await readFile(file)).toHaveLength(512 * 4);
});
