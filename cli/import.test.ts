import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { findStructureByCode } from "../src/features/structures/queries.js";
import { openTestDatabase } from "../test/databases.js";
import { importCommand } from "./import.js";

const database = await openTestDatabase();
afterAll(() => database.close());

function capture() {
  const text = { stdout: "", stderr: "" };
  const stream = (key: keyof typeof text) =>
    new Writable({
      write(chunk, _encoding, done) {
        text[key] += String(chunk);
        done();
      },
    });
  return { text, out: { stdout: stream("stdout"), stderr: stream("stderr") } };
}

describe("npm run cli -- import structures FILE.csv", () => {
  it("imports the sample file, prints the report and exits with 1 for its bad row", async () => {
    const { text, out } = capture();
    const code = await importCommand(["structures", "test/fixtures/structures-sample.csv"], database, out);
    expect(code).toBe(1);
    expect(text.stdout).toContain("4 rows read, 3 created, 0 updated, 0 unchanged, 1 invalid.");
    expect(text.stdout).toContain("line 6 (mun-el-ain): phone: Enter a valid telephone number");
    const drs = await findStructureByCode(database.db, "drs-sfax");
    expect(drs?.summary.fr).toContain("du gouvernorat de Sfax");
    expect(drs?.contact.phone).toBe("+21674000001");
  });

  it("says what is wrong with the command line or the file, and exits with 1", async () => {
    const usage = capture();
    expect(await importCommand(["people", "x.csv"], database, usage.out)).toBe(1);
    expect(usage.text.stderr).toContain("Usage: npm run cli -- import structures FILE.csv");
    const missing = capture();
    expect(await importCommand(["structures", "test/fixtures/none.csv"], database, missing.out)).toBe(1);
    expect(missing.text.stderr).toContain("no such file");
  });
});
