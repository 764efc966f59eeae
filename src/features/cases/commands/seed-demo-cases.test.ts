import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../../test/app.js";
import { seedDemo } from "../../../db/seed.js";
import { listQueue } from "../staff/queries/queue.js";
import { parseQueueQuery } from "../staff/queue-filters.js";

const { app, database } = await createTestApp();

describe("demo requests", () => {
  it("fill the demo citizen's requests and the Municipality of Tunis queue, in three languages", async () => {
    const lines = await seedDemo(database);
    expect(lines.join("\n")).toContain("Demo requests: 11");
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

    // A request left with a phone number only: the queue's search finds it by that number.
    const [tunis] = await database.query<{ id: string }>(
      "select id from structures where code = 'mun-tn-11'",
    );
    const now = new Date();
    const found = await listQueue(database.db, parseQueueQuery({ q: "98 765 432" }, tunis!.id), {
      now,
      soonLimit: now,
      accountId: tunis!.id,
    });
    expect(found.map((r) => r.subject)).toEqual(["Blocked storm drain on Avenue de la Liberté"]);
  });
});
