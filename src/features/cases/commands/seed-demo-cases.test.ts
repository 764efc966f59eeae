import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../../test/app.js";
import { seedDemo } from "../../../db/seed.js";

const { app, database } = await createTestApp();

describe("demo requests", () => {
  it("fill the demo citizen's requests and the Municipality of Tunis queue, in three languages", async () => {
    const lines = await seedDemo(database);
    expect(lines.join("\n")).toContain("Demo requests: 15");
    const rows = await database.query<{ status: string; n: number }>(
      "select status, count(*)::int as n from cases group by status order by status::text",
    );
    expect(rows.map((r) => r.status)).toEqual([
      "answered",
      "awaiting_citizen",
      "closed",
      "in_progress",
      "new",
    ]);
    const agent = new Agent(app);
    const signIn = await agent.post("/en/sign-in", {
      email: "citizen@demo.sharek.tn",
      password: "sharek-demo-2026",
    });
    expect(signIn.statusCode).toBe(303);
    const mine = (await agent.get("/en/requests")).body;
    expect(mine).toContain("أعمدة الإنارة معطّبة في نهج مرسيليا");
    expect(mine).toContain("Déchets non ramassés à El Menzah 6");
    expect(mine).toContain("Renewing a passport from abroad");
    // An access-to-information request refused on a ground of the law, under appeal with the head.
    const refused = await database.query<{ id: string }>(
      "select id from cases where subject = 'محاضر جلسات المجلس البلدي لسنة 2025'",
    );
    const page = (await agent.get(`/en/requests/${refused[0]!.id}`)).body;
    expect(page).toContain("A third party's personal data (article 24");
    expect(page).toContain("Your appeal (level 1) is being reviewed");
    const appeals = await database.query<{ n: number }>(
      "select count(*)::int as n from cases where appeal_level = 1 and refusal_ground is not null and status = 'in_progress'",
    );
    expect(appeals[0]?.n).toBe(3);
  });
});
