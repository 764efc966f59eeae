import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../../test/accounts.js";
import { mailsTo } from "../../../../../test/mail.js";
import { runAssignmentSummary } from "../../jobs/assignment-summary.js";
import { QUEUE_VISIT_GAP_MS } from "../preferences.js";
import { staffPreferences } from "../tables.js";
import { insertCase, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const ariana = await structureIdOf(db, "gov-tn-12");
const as = (email: string, role: "agent" | "structure_admin" = "agent") =>
  signedInAgent(app, database, { roles: [{ structure: "gov-tn-12", role }], email, displayName: email });
const env = { publicUrl: "https://sharek.example.tn", secret: "job-test-secret", features: [] };

describe("how staff are told of requests assigned to them", () => {
  it("lets each member of staff choose a mail per request (the default) or a daily summary", async () => {
    const { agent } = await as("choix@ariana.tn");
    const page = await agent.get("/fr/staff/preferences");
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/value="instant" checked/);
    expect(page.body).toContain('href="/fr/staff/preferences"');

    expect(
      (await agent.post("/fr/staff/preferences", { assignmentMail: "daily" }, { csrf: false })).statusCode,
    ).toBe(403);
    const wrong = await agent.post("/fr/staff/preferences", { assignmentMail: "hourly" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("Choisissez comment être informé");
    expect(wrong.body).toContain('href="#assignmentMail"');
    const saved = await agent.post("/fr/staff/preferences", { assignmentMail: "daily" });
    expect(saved.statusCode).toBe(303);
    expect((await agent.get("/fr/staff/preferences")).body).toMatch(/value="daily" checked/);
  });

  it("mails an instant reader at once, and a daily reader once, the next morning, with every request", async () => {
    const admin = await as("chef@ariana.tn", "structure_admin");
    const instant = await as("instant@ariana.tn");
    const daily = await as("quotidien@ariana.tn");
    await daily.agent.post("/fr/staff/preferences", { assignmentMail: "daily" });

    const first = await insertCase(db, { structureId: ariana });
    const second = await insertCase(db, { structureId: ariana });
    const third = await insertCase(db, { structureId: ariana });
    for (const [c, who] of [
      [first, daily],
      [second, daily],
      [third, instant],
    ] as const) {
      const response = await admin.agent.post(`/fr/staff/requests/${c.id}/assign`, {
        assignee: who.account.id,
      });
      expect(response.statusCode).toBe(303);
    }
    expect((await mailsTo(database, "instant@ariana.tn")).map((m) => m.subject)).toEqual([
      expect.stringContaining(third.reference),
    ]);
    expect(await mailsTo(database, "quotidien@ariana.tn")).toEqual([]);

    const morning = new Date(Date.now() + 60_000);
    expect(await runAssignmentSummary(db, morning, env)).toBeGreaterThanOrEqual(1);
    const [summary, ...more] = await mailsTo(database, "quotidien@ariana.tn");
    expect(more).toEqual([]);
    expect(summary!.textBody).toContain(first.reference);
    expect(summary!.textBody).toContain(second.reference);
    expect(summary!.textBody).not.toContain(third.reference);
    expect(summary!.textBody).toContain(`https://sharek.example.tn/ar/staff/requests/${first.id}`);
    // Run again (a second worker, a retry): nothing new, no second mail.
    await runAssignmentSummary(db, morning, env);
    await runAssignmentSummary(db, new Date(morning.getTime() + 60_000), env);
    expect(await mailsTo(database, "quotidien@ariana.tn")).toHaveLength(1);
  });
});

describe("what is new in the queue", () => {
  it("marks the requests that reached the queue since the previous visit, and counts them", async () => {
    // A structure of its own: every request in it is older than the first visit but one.
    const benArous = await structureIdOf(db, "gov-tn-13");
    const visitor = (email: string) =>
      signedInAgent(app, database, { roles: [{ structure: "gov-tn-13", role: "agent" }], email });
    const before = await insertCase(db, {
      structureId: benArous,
      subject: "Arrivée avant la visite",
      clockStartedAt: new Date(Date.now() - 2 * QUEUE_VISIT_GAP_MS - 60_000),
    });
    const { agent, account } = await visitor("visite@benarous.tn");
    const firstVisit = await agent.get(`/fr/staff/requests?structure=${benArous}`);
    expect(firstVisit.statusCode).toBe(200);
    expect(firstVisit.body).not.toContain('id="new-since"');

    // The visit ends; later, a request arrives.
    const ended = new Date(Date.now() - QUEUE_VISIT_GAP_MS - 60_000);
    await db
      .update(staffPreferences)
      .set({ queueShownAt: ended })
      .where(eq(staffPreferences.accountId, account.id));
    const arrived = await insertCase(db, { structureId: benArous, subject: "Arrivée après la visite" });

    const nextVisit = await agent.get(`/fr/staff/requests?structure=${benArous}`);
    expect(nextVisit.body).toMatch(/id="new-since">1 nouvelle requête depuis votre dernière visite/);
    const row = nextVisit.body.split("<tr").find((r) => r.includes(arrived.reference))!;
    expect(row).toContain(">Nouvelle pour vous</strong>");
    const older = nextVisit.body.split("<tr").find((r) => r.includes(before.reference))!;
    expect(older).not.toContain(">Nouvelle pour vous</strong>");
    // Within the same visit, the marker stays (paging, filtering).
    expect((await agent.get(`/fr/staff/requests?structure=${benArous}`)).body).toContain(
      "1 nouvelle requête",
    );
    // Each person has their own.
    const other = await visitor("autre@benarous.tn");
    expect((await other.agent.get(`/fr/staff/requests?structure=${benArous}`)).body).not.toContain(
      'id="new-since"',
    );
  });
});
