import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { Agent, createTestApp } from "../../../../test/app.js";
import { seedDemo } from "../../../db/seed.js";

const { app, database } = await createTestApp();

describe("demo requests", () => {
  it("fill the demo citizen's requests and the Municipality of Tunis queue, in three languages", async () => {
    const lines = await seedDemo(database);
    expect(lines.join("\n")).toContain("Demo requests: 10");
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
  });

  it("route requests by rules with automatic assignment, shown on the routing page in three languages", async () => {
    // A platform admin: the demo's staff accounts must first enrol a second factor.
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const page = await admin.get("/fr/staff/routing");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("À l'agent le moins chargé");
    const lighting = page.body.split("<tr").find((r) => r.includes("Éclairage public"))!;
    expect(lighting).toMatch(/sh-table__cell--numeric">1</);
    expect((await admin.get("/ar/staff/routing")).body).toContain("إلى العون الأقل انشغالًا");
    expect((await admin.get("/en/staff/routing")).body).toContain("To the least busy agent");
  });
});
