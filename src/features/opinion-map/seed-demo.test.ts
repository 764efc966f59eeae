import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../test/app.js";
import { demoLines } from "../../../test/databases.js";
import { findOpinionMapData } from "./queries.js";

const { app, database } = await createTestApp({ demo: true });

describe("the demo opinion map", () => {
  it("shows groups on the open demo consultation, in ar, fr and en", async () => {
    const lines = await demoLines();
    expect(lines.join("\n")).toContain("Demo opinion map: 12 statements, 150 voters.");
    const [open] = await database.query<{ id: string }>(
      "select id from consultations where title->>'en' like 'Draft municipal by-law on participatory budgeting%'",
    );
    const agent = new Agent(app);
    const data = await findOpinionMapData(database.db, open!.id);
    expect(data.groups.length).toBeGreaterThanOrEqual(2);
    const representative = data.statements.find(
      (s) => s.id === data.groups[0]!.representative[0]!.statementId,
    )!;
    for (const [lang, text] of [
      ["ar", "المجموعة A"],
      ["fr", "Groupe A"],
      ["en", "Group A"],
    ] as const) {
      const statement = representative.body[lang]!;
      const page = await agent.get(`/${lang}/consultations/${open!.id}/opinion-map`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(text);
      expect(page.body).toContain("sh-opinion-map__hull");
      expect(page.body).toContain(statement);
    }
  });

  it("lists as agreed by the groups only statements no group rejects", async () => {
    const [open] = await database.query<{ id: string }>(
      "select id from consultations where title->>'en' like 'Draft municipal by-law on participatory budgeting%'",
    );
    const page = await new Agent(app).get(`/en/consultations/${open!.id}/opinion-map`);
    expect(page.statusCode).toBe(200);
    const section = page.body.split('aria-labelledby="opinion-consensus"')[1]?.split("</section>")[0] ?? "";
    expect(page.body).toContain("The money should go to roads and lighting first.");
    expect(section).not.toContain("The money should go to roads and lighting first.");
    expect(section).not.toContain("Progress on every project should be published every three months.");
  });
});
