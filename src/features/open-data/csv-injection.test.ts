import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { csvText } from "../../core/csv.js";
import { createTestConsultation } from "../consultations/testing.js";
import { ideaIdOf, submitIdeaAs } from "../ideas/testing.js";
import { refreshInsights } from "../insights/refresh.js";
import { saveModerationRules } from "../moderation/rules.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
// The attacker's account is old enough to post links without being held for review.
await saveModerationRules(db, { newAccountDays: 0, words: [], burstMax: 100, burstMinutes: 1 });

const FORMULA = '=HYPERLINK("http://evil.example","Click")';
const rowsOf = (body: string) => parse(body, { bom: true, columns: true }) as Array<Record<string, string>>;

describe("CSV formula injection", () => {
  it("an idea titled with a formula and a comment starting with @ are published as text, not formulas", async () => {
    const { agent } = await signedInAgent(app, database);
    const posted = await submitIdeaAs(testApp, agent, {
      title: FORMULA,
      description: "+cmd|' /C calc'!A0 — a description that a spreadsheet would run.",
      structure: "mun-tn-11",
      area: "TN-11",
    });
    expect(posted.statusCode).toBe(303);
    const id = ideaIdOf(posted.headers.location);
    const { consultation } = await createTestConsultation(db, { phase: "open" });
    await agent.post(`/en/consultations/${consultation.id}/comments`, {
      body: "@SUM(1+1)*cmd|' /C calc'!A0",
      alignment: "for",
    });

    const ideas = await app.inject("/open-data/ideas.csv");
    expect(ideas.statusCode).toBe(200);
    const idea = rowsOf(ideas.body).find((r) => r.id === id);
    expect(idea?.title).toBe(`'${FORMULA}`);
    expect(idea?.description).toMatch(/^'\+cmd/);
    // Numbers stay numbers.
    expect(idea?.supports).toMatch(/^\d+$/);

    const contributions = rowsOf((await app.inject("/open-data/contributions.csv")).body);
    const comment = contributions.find((r) => r.consultation_id === consultation.id);
    expect(comment?.body).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
  });

  it("a structure named with a formula is text in the insights CSV too", async () => {
    await db.execute(
      sql`update structures set name = jsonb_build_object('ar', ${FORMULA}::text, 'fr', ${FORMULA}::text, 'en', ${FORMULA}::text) where code = 'mun-tn-11'`,
    );
    await refreshInsights(db, app.features);
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const answer = await admin.get("/en/admin/insights/structures.csv");
    expect(answer.statusCode).toBe(200);
    const row = rowsOf(answer.body).find((r) => r.structure_code === "mun-tn-11");
    expect(row?.structure).toBe(`'${FORMULA}`);
  });

  it("the shared writer neutralises every dangerous first character of text, and leaves numbers alone", () => {
    const cells = ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "ok", "a=b"];
    const text = csvText(cells.map((cell) => ({ cell, number: -3 })));
    const parsed = rowsOf(text);
    expect(parsed.map((r) => r.cell)).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "ok", "a=b"]);
    expect(parsed.every((r) => r.number === "-3")).toBe(true);
  });

  // Every CSV the portal serves is written by src/core/csv.ts: no other module may write CSV itself.
  it("no served module writes CSV but through the shared writer", () => {
    const root = join(import.meta.dirname, "../..");
    const writers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test."))
          if (/from "csv-stringify/.test(readFileSync(path, "utf8")))
            writers.push(path.slice(root.length + 1));
      }
    };
    walk(root);
    // polis-import writes Pol.is comparison files for the command line (cli/opinion-map.ts), never served.
    expect(writers.sort()).toEqual(["core/csv.ts", "features/opinion-map/polis-import.ts"]);
  });
});
