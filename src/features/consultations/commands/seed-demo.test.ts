import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../../test/app.js";
import { demoLines } from "../../../../test/databases.js";

const { app, database } = await createTestApp({ demo: true });

describe("demo consultations", () => {
  it("show one open, one announced and one decided consultation of the Municipality of Tunis, in three languages", async () => {
    const lines = await demoLines();
    expect(lines.join("\n")).toContain("Demo consultations:");
    const agent = new Agent(app);
    const list = (await agent.get("/en/consultations")).body;
    expect(list).toContain("Draft municipal by-law on participatory budgeting");
    expect(list).toContain("Charter for café terraces on public space");
    expect(list).toContain("Green spaces and tree-planting plan");
    const [decided] = await database.query<{ id: string }>(
      "select id from consultations where outcome_published_at is not null",
    );
    for (const [lang, text] of [
      ["ar", "ما فعلناه"],
      ["fr", "Ce que nous avons fait"],
      ["en", "What we did"],
    ]) {
      const page = await agent.get(`/${lang}/consultations/${decided!.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(text);
    }
    const synthesis = await agent.get(`/fr/consultations/${decided!.id}/synthesis`);
    expect(synthesis.body).toContain("Par lieu de résidence");
    expect((await agent.get("/fr")).body).toContain(
      "Projet d’arrêté municipal relatif au budget participatif",
    );
    // The demo citizen follows the open one, in their weekly digest.
    const followed = await database.query<{ kind: string; email: string }>(
      `select s.kind, st.email from subscriptions s join subscriber_settings st using (account_id)
       join accounts a on a.id = s.account_id
       where a.email = 'citizen@demo.sharek.tn' and s.kind = 'consultation'`,
    );
    expect(followed).toEqual([{ kind: "consultation", email: "weekly" }]);
  });
});
