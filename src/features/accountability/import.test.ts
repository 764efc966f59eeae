import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountabilityCommand } from "../../../cli/accountability.js";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";
import { HOME_STRUCTURE, OTHER_STRUCTURE } from "../../../test/role-matrix.js";
import { results, resultUpdates } from "./tables.js";

const { app, database } = await createTestApp();
const db = database.db;

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

const HEADER =
  "code,parent_code,structure_code,title_ar,title_fr,title_en,description_fr,governorate_code,theme_code,starts_on,ends_on,status,progress,weight,budget_planned";
const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** 300 results of the home structure, every tenth a parent of the nine after it; three rows are wrong. */
function csv300(): string {
  const lines = [HEADER];
  for (let i = 0; i < 300; i++) {
    const parent = i % 10 === 0 ? "" : `imp-${String(i - (i % 10)).padStart(3, "0")}`;
    let status = ["planned", "in_progress", "done", "delayed"][i % 4]!;
    let progress = status === "done" ? "100" : String((i * 7) % 100);
    let structure = HOME_STRUCTURE;
    if (i === 49) status = "finished"; // line 51
    if (i === 149) progress = "120"; // line 151
    if (i === 249) structure = "nowhere"; // line 251
    lines.push(
      [
        `imp-${String(i).padStart(3, "0")}`,
        parent,
        structure,
        `إنجاز رقم ${i}`,
        `Réalisation n° ${i}, tranche "A"`,
        `Result ${i}`,
        "Une description,\nsur deux lignes.",
        "TN-11",
        i % 3 === 0 ? "transport" : "",
        "2026-01-01",
        "2026-12-31",
        status,
        progress,
        String(1 + (i % 3)),
        i % 5 === 0 ? "125000.500" : "",
      ]
        .map(quote)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

describe("npm run cli -- accountability import FILE.csv", () => {
  const dir = mkdtempSync(join(tmpdir(), "sharek-results-"));
  const file = join(dir, "results.csv");
  writeFileSync(file, csv300());

  it("lands 297 of 300 rows and reports the three bad ones by line number", async () => {
    const { text, out } = capture();
    expect(await accountabilityCommand(["import", file], database, out)).toBe(1);
    expect(text.stdout).toContain("300 rows read, 297 created, 0 updated, 0 unchanged, 3 invalid.");
    // Each record spans two physical lines (its description holds a newline): row n starts on line 2n.
    expect(text.stdout).toContain("line 100 (imp-049): status: Choose a status from the list");
    expect(text.stdout).toContain("line 300 (imp-149): progress: Enter a whole number from 0 to 100");
    expect(text.stdout).toContain('line 500 (imp-249): structure_code: no structure "nowhere"');
    expect(text.stderr).toContain("Importing results");
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(results)
      .where(like(results.code, "imp-%"));
    expect(n!.n).toBe(297);
    const [r] = await db.select().from(results).where(sql`${results.code} = 'imp-011'`);
    expect(r).toMatchObject({
      title: { ar: "إنجاز رقم 11", fr: 'Réalisation n° 11, tranche "A"', en: "Result 11" },
    });
  });

  it("changes nothing when the same file is run again", async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(resultUpdates);
    const stamps = await db
      .select({ code: results.code, at: results.updatedAt })
      .from(results)
      .orderBy(results.code);
    const { text, out } = capture();
    expect(await accountabilityCommand(["import", file], database, out)).toBe(1);
    expect(text.stdout).toContain("300 rows read, 0 created, 0 updated, 297 unchanged, 3 invalid.");
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(resultUpdates)).toEqual(before);
    expect(
      await db.select({ code: results.code, at: results.updatedAt }).from(results).orderBy(results.code),
    ).toEqual(stamps);
  });

  it("says what is wrong with the command line or the file", async () => {
    const usage = capture();
    expect(await accountabilityCommand(["export", file], database, usage.out)).toBe(1);
    expect(usage.text.stderr).toContain("Usage: npm run cli -- accountability import FILE.csv");
    const missing = capture();
    expect(await accountabilityCommand(["import", join(dir, "none.csv")], database, missing.out)).toBe(1);
    expect(missing.text.stderr).toContain("no such file");
    const columns = join(dir, "columns.csv");
    writeFileSync(columns, "code,title_fr\nx,y\n");
    const wrong = capture();
    expect(await accountabilityCommand(["import", columns], database, wrong.out)).toBe(1);
    expect(wrong.text.stderr).toContain(
      "missing columns: structure_code, title_ar, title_en, status, progress",
    );
  });
});

describe("the admin import", () => {
  it("takes a CSV upload and shows the report, refusing rows of structures the admin does not run", async () => {
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
    });
    const page = await agent.get("/en/admin/accountability/import");
    expect(page.statusCode).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const data = Buffer.from(
      [
        HEADER,
        `up-1,,${HOME_STRUCTURE},,Éclairage public,,,,,,,in_progress,30,1,`,
        `up-2,,${OTHER_STRUCTURE},,Autre structure,,,,,,,planned,0,1,`,
      ].join("\n"),
    );
    const form = multipart({ _csrf: token }, [{ name: "file", filename: "r.csv", type: "text/csv", data }]);
    const answer = await app.inject({
      method: "POST",
      url: "/en/admin/accountability/import",
      headers: { cookie: agent.cookieHeader(), "content-type": form.contentType },
      payload: form.payload,
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain("2 rows read: 1 created, 0 updated, 0 unchanged, 1 refused");
    expect(answer.body).toContain("structure_code: Choose one of your structures");
    const none = multipart({ _csrf: token });
    const empty = await app.inject({
      method: "POST",
      url: "/en/admin/accountability/import",
      headers: { cookie: agent.cookieHeader(), "content-type": none.contentType },
      payload: none.payload,
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("Choose a CSV file");
  });
});
