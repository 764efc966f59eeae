import { describe, expect, it } from "vitest";
import { consultationComments } from "../../src/features/consultations/tables.js";
import { createTestConsultation } from "../../src/features/consultations/testing.js";
import { createCategory } from "../../src/features/forum/testing.js";
import { ideaIdOf, submitIdeaAs } from "../../src/features/ideas/testing.js";
import { saveModerationRules } from "../../src/features/moderation/rules.js";
import { signedInAgent } from "../accounts.js";
import { Agent, createTestApp } from "../app.js";

/*
 * Public lists page by number. Each counts first and reads at most up to its real last page, so a
 * page number far past the end (up to the 6 digits the query strings accept) shows the last page
 * and never makes the database skip millions of rows.
 */
const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
await saveModerationRules(db, { newAccountDays: 0, words: [], burstMax: 100, burstMinutes: 1 });
const { agent } = await signedInAgent(app, database);
const anonymous = new Agent(app);
const FAR = "999999";

describe("public lists asked for a page far past their end", () => {
  it("the idea box shows its last page", async () => {
    const posted = await submitIdeaAs(testApp, agent, {
      title: "Drinking fountains in the central park",
      description: "Summers are hot and the park has no water: three fountains would help families.",
      structure: "mun-tn-11",
      area: "TN-11",
    });
    const id = ideaIdOf(posted.headers.location);
    const far = await anonymous.get(`/en/ideas?sort=newest&page=${FAR}`);
    expect(far.statusCode).toBe(200);
    expect(far.body).toContain(`/en/ideas/${id}`);
  });

  it("the consultations list shows its last page", async () => {
    await createTestConsultation(db, { phase: "open", title: "Plan de mobilité douce de la ville" });
    const far = await anonymous.get(`/fr/consultations?page=${FAR}`);
    expect(far.statusCode).toBe(200);
    expect(far.body).toContain("Plan de mobilité douce de la ville");
  });

  it("a consultation's comments show their last page", async () => {
    const { consultation } = await createTestConsultation(db, { phase: "open" });
    const base = Date.now() - 100_000;
    await db.insert(consultationComments).values(
      Array.from({ length: 25 }, (_, i) => ({
        consultationId: consultation.id,
        body: `Avis numéro ${i + 1}`,
        alignment: "for" as const,
        createdAt: new Date(base + i * 1000),
      })),
    );
    const far = await anonymous.get(`/fr/consultations/${consultation.id}?page=${FAR}`);
    expect(far.statusCode).toBe(200);
    expect(far.body).toContain("Avis numéro 1<");
    expect(far.body).not.toContain("Avis numéro 25<");
  });

  it("a forum category shows its last page of threads", async () => {
    await createCategory(db, "paging");
    const posted = await agent.post("/en/forum/paging/threads", {
      title: "Bus timetable on Sundays",
      body: "The Sunday buses are rare: could the timetable be published?",
    });
    expect(posted.statusCode).toBe(303);
    const far = await anonymous.get(`/en/forum/paging?page=${FAR}`);
    expect(far.statusCode).toBe(200);
    expect(far.body).toContain("Bus timetable on Sundays");
  });
});
