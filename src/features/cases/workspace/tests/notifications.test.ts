import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../../test/accounts.js";
import { mailsTo } from "../../../../../test/mail.js";
import { savePreferences } from "../../../../../test/preferences.js";
import { sendRequestForm } from "../../../../../test/request-form.js";
import { accounts } from "../../../../core/auth/tables.js";
import { notificationPreferences } from "../../../../core/notifications/tables.js";
import { runAssignmentSummary } from "../../jobs/assignment-summary.js";
import { cases } from "../../tables.js";
import { findAssignmentMail, QUEUE_VISIT_GAP_MS } from "../preferences.js";
import { staffPreferences } from "../tables.js";
import { createCategory, insertCase, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const ariana = await structureIdOf(db, "gov-tn-12");
const as = (email: string, role: "agent" | "structure_admin" = "agent") =>
  signedInAgent(app, database, { roles: [{ structure: "gov-tn-12", role }], email, displayName: email });
const accountOf = async (email: string) =>
  (await db.select().from(accounts).where(eq(accounts.email, email)))[0]!;
const env = { publicUrl: "https://sharek.example.tn", secret: "job-test-secret", features: [] };

describe("how staff are told of requests assigned to them", () => {
  it("is one more kind on the notification preferences page, for staff only; the old page leads there", async () => {
    const { agent } = await as("choix@ariana.tn");
    const old = await agent.get("/fr/staff/preferences");
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe("/fr/notifications/preferences#request-assigned-title");
    const page = await agent.get("/fr/notifications/preferences");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      "Requêtes qui vous sont attribuées ou qui attendent dans la file de votre équipe",
    );
    // By e-mail (no notification centre for these), a mail each at once by default.
    expect(page.body).toMatch(/name="request-assigned.channels" value="email" checked/);
    expect(page.body).not.toContain('name="request-assigned.channels" value="centre"');
    expect(page.body).toMatch(/name="request-assigned.frequency" value="instant" checked/);
    // The workspace's "My notifications" link leads there.
    expect((await agent.get("/fr/staff/requests")).body).toContain('href="/fr/notifications/preferences"');

    const wrong = await savePreferences(agent, "fr", { "request-assigned.frequency": "weekly" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("Choisissez un rythme dans la liste.");
    const saved = await savePreferences(agent, "fr", { "request-assigned.frequency": "daily" });
    expect(saved.statusCode).toBe(303);
    expect(await findAssignmentMail(db, (await accountOf("choix@ariana.tn")).id)).toBe("daily");
    expect((await agent.get("/fr/notifications/preferences")).body).toMatch(
      /name="request-assigned.frequency" value="daily" checked/,
    );

    // A citizen is not offered it, and saving their page leaves no staff choice behind.
    const citizen = await signedInAgent(app, database, { email: "pas-agent@example.tn" });
    const theirs = await citizen.agent.get("/fr/notifications/preferences");
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain("request-assigned");
    expect((await savePreferences(citizen.agent, "fr", {})).statusCode).toBe(303);
    const rows = await db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.accountId, citizen.account.id));
    expect(rows.map((r) => r.kind)).not.toContain("request-assigned");
  });

  it("sends no assignment mail to an agent who turned it off, and one again once turned back on", async () => {
    const { agent, account } = await as("silence@ariana.tn");
    const category = await createCategory(db, "gov-tn-12");
    const rule = await people.platformAdmin.agent.post("/fr/staff/routing", {
      category: category.id,
      governorate: "",
      structure: ariana,
      assignment: "agent",
      agent: account.id,
    });
    expect(rule.statusCode, rule.body).toBe(303);
    const citizen = await signedInAgent(app, database, { email: "habitante@example.tn" });
    /** A citizen files a complaint of that category on the web form: the rule hands it to the agent. */
    const file = async () => {
      const filed = await sendRequestForm(app, citizen.agent, "fr", {
        type: "complaint",
        structure: "gov-tn-12",
        category: category.id,
        subject: "Lampadaire éteint rue de Marseille",
        description:
          "Le lampadaire devant le numéro 12 de la rue de Marseille est éteint depuis une semaine.",
        governorate: "TN-12",
      });
      expect(filed.statusCode, filed.body).toBe(303);
      const [c] = await db
        .select()
        .from(cases)
        .where(eq(cases.submitterId, citizen.account.id))
        .orderBy(desc(cases.createdAt))
        .limit(1);
      expect(c!.assigneeId).toBe(account.id);
      return c!;
    };

    const off = await savePreferences(agent, "fr", { "request-assigned.channels": [] });
    expect(off.statusCode).toBe(303);
    expect((await agent.get("/fr/notifications/preferences")).body).not.toMatch(
      /name="request-assigned.channels" value="email" checked/,
    );
    const quiet = await file();
    expect(await mailsTo(database, "silence@ariana.tn")).toEqual([]);
    // Nor in a daily summary.
    await savePreferences(agent, "fr", { "request-assigned.frequency": "daily" });
    await runAssignmentSummary(db, new Date(Date.now() + 60_000), env);
    expect(await mailsTo(database, "silence@ariana.tn")).toEqual([]);

    await savePreferences(agent, "fr", {
      "request-assigned.channels": ["email"],
      "request-assigned.frequency": "instant",
    });
    const told = await file();
    const mails = await mailsTo(database, "silence@ariana.tn");
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining(told.reference)]);
    expect(mails[0]!.subject).not.toContain(quiet.reference);
  });

  it("mails an instant reader at once, and a daily reader once, the next morning, with every request", async () => {
    const admin = await as("chef@ariana.tn", "structure_admin");
    const instant = await as("instant@ariana.tn");
    const daily = await as("quotidien@ariana.tn");
    expect(
      (await savePreferences(daily.agent, "fr", { "request-assigned.frequency": "daily" })).statusCode,
    ).toBe(303);

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
    expect(summary!.textBody).toContain("https://sharek.example.tn/ar/notifications/preferences");
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
