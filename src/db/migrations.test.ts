import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/databases.js";
import type { Database } from "./client.js";
import { MIGRATIONS_FOLDER, migrationsApplied, runMigrations } from "./migrate.js";

describe("migrations", () => {
  it("match the drizzle schema: generating again from the schema produces no new migration", () => {
    // drizzle-kit only takes an output folder relative to the project.
    mkdirSync(".tmp", { recursive: true });
    const out = relative(process.cwd(), mkdtempSync(join(".tmp", "drift-")));
    try {
      cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
      const before = readdirSync(out).sort();
      const output = execFileSync("npx", ["drizzle-kit", "generate", "--name", "drift"], {
        env: { ...process.env, DRIZZLE_OUT: out },
        encoding: "utf8",
        stdio: "pipe",
      });
      expect(output).toContain("No schema changes");
      expect(readdirSync(out).sort()).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  describe("on the test engine", () => {
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase();
    });
    afterAll(() => database.close());

    it("are all applied, and applying them again changes nothing", async () => {
      expect(await migrationsApplied(database)).toBe(true);
      await runMigrations(database);
      const [row] = await database.query<{ n: number }>(
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      );
      const journal = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith(".sql"));
      expect(row?.n).toBe(journal.length);
    });

    it("provide pg_trgm and the arabic, french and english text-search configurations", async () => {
      const [row] = await database.query<{ ar: string; fr: string; en: string; sim: number }>(
        `select to_tsvector('arabic', 'المواطنين') as ar, to_tsvector('french', 'consultations') as fr,
                to_tsvector('english', 'consultations') as en, similarity('municipalité', 'municipalite') as sim`,
      );
      expect(row?.ar).toContain("مواطن");
      expect(row?.fr).toContain("consult");
      expect(row?.en).toContain("consult");
      expect(row?.sim).toBeGreaterThan(0.5);
    });

    it.each([
      ["diacritics", "مُوَاطِنٌ", "مواطن"],
      ["tatweel", "شـــارك", "شارك"],
      ["alef with hamza above, below and madda, and alef wasla", "أإآٱ", "اااا"],
      ["alef maksura to yeh", "مستشفى", "مستشفي"],
      ["teh marbuta to heh", "بلدية", "بلديه"],
      ["superscript alef", "هٰذا", "هذا"],
      ["latin text is lower-cased", "Consultation PUBLIQUE", "consultation publique"],
    ])("normalize_arabic folds %s", async (_name, input, expected) => {
      const [row] = await database.query<{ n: string }>("select normalize_arabic($1) as n", [input]);
      expect(row?.n).toBe(expected);
    });

    it("normalize_arabic makes differently written Arabic match", async () => {
      const [row] = await database.query<{ same: boolean }>(
        "select normalize_arabic('إستشارة عمومية') = normalize_arabic('استشاره عموميـة') as same",
      );
      expect(row?.same).toBe(true);
    });
  });
});
