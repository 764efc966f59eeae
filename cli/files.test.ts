import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { databaseFileStore } from "../src/core/files/database-store.js";
import { storedFiles } from "../src/core/files/tables.js";
import { openTestDatabase } from "../test/databases.js";
import { filesMigrateCommand } from "./files.js";

const database = await openTestDatabase();
afterAll(() => database.close());

function capture() {
  const text = { stdout: "" };
  const stream = (keep: boolean) =>
    new Writable({
      write(chunk, _encoding, done) {
        if (keep) text.stdout += String(chunk);
        done();
      },
    });
  return { text, out: { stdout: stream(true), stderr: stream(false) } };
}

describe("npm run cli -- files migrate", () => {
  it("copies DATA_DIR/files into the database, and copies nothing twice when run again", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sharek-files-migrate-"));
    const photo = Buffer.from("a photo filed before the move");
    const pdf = Buffer.from("%PDF-1.4 a consultation's document");
    mkdirSync(join(dataDir, "files", "ab"), { recursive: true });
    mkdirSync(join(dataDir, "files", "cd"), { recursive: true });
    writeFileSync(join(dataDir, "files", "ab", "ab01"), photo);
    writeFileSync(join(dataDir, "files", "cd", "cd02"), pdf);
    // A node already on the new store wrote one of them.
    await databaseFileStore(database.db).put("cd/cd02", pdf);

    const first = capture();
    expect(await filesMigrateCommand(database, dataDir, first.out)).toBe(0);
    expect(first.text.stdout).toContain("1 files copied");
    expect(first.text.stdout).toContain("1 were there already");
    const store = databaseFileStore(database.db);
    expect(await store.get("ab/ab01")).toEqual(photo);
    expect(await store.get("cd/cd02")).toEqual(pdf);

    const again = capture();
    expect(await filesMigrateCommand(database, dataDir, again.out)).toBe(0);
    expect(again.text.stdout).toContain("0 files copied");
    expect(again.text.stdout).toContain("2 were there already");
    expect(await database.db.select().from(storedFiles)).toHaveLength(2);
  });
});
