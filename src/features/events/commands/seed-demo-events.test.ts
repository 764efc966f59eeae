import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../../test/app.js";
import { demoLines } from "../../../../test/databases.js";

const { app, database } = await createTestApp({ demo: true });

describe("outreach demo", () => {
  it("has upcoming events in several governorates and online, a registered citizen who follows Tunis", async () => {
    const lines = await demoLines();
    expect(lines.join("\n")).toContain("Demo events: 6");
    // One was cancelled by its organiser, who says why.
    const [cancelled] = await database.query<{ id: string }>(
      "select id from events where cancelled_at is not null",
    );
    expect((await app.inject(`/ar/events/${cancelled!.id}`)).body).toContain("تعذّر توفير القاعة");
    const agenda = (await app.inject("/fr/events")).body;
    expect(agenda).toContain("Journée nationale d’information sur la participation publique");
    expect(agenda).toContain("Formation des agents municipaux");
    expect((await app.inject("/ar/events?governorate=TN-71")).body).toContain(
      "المشاركة في الاستشارات العمومية",
    );
    const agent = new Agent(app);
    await agent.post("/en/sign-in", { email: "citizen@demo.sharek.tn", password: "sharek-demo-2026" });
    const mine = (await agent.get("/en/subscriptions")).body;
    expect(mine).toContain("Tunis");
    expect(mine).toContain("Public participation");
    expect(mine).toContain("National information day on public participation");
    // …and the open consultation, in the same list.
    expect(mine).toContain("Consultation · ");
  });
});
