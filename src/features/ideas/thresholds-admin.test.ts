import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { executableMarkup, XSS_VECTORS } from "../../../test/html-safety.js";
import { mailsTo } from "../../../test/mail.js";
import { savePreferences } from "../../../test/preferences.js";
import { auditEvents } from "../../core/audit/tables.js";
import { structures } from "../../core/structures/tables.js";
import { sendInstantNotices } from "../subscriptions/digests.js";
import { runAnswerDeadlines } from "./jobs/answer-deadlines.js";
import { ideaEvents, ideas, ideaThresholds } from "./tables.js";
import { ideaIdOf, submitIdeaAs } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const { db } = database;
const DAY = 86_400_000;
const structureOf = async (code: string) =>
  (await db.select().from(structures).where(eq(structures.code, code)))[0]!;
const tunis = await structureOf("mun-tn-11");
const ariana = await structureOf("gov-tn-12");
const thresholdOf = async (structureId: string) =>
  (await db.select().from(ideaThresholds).where(eq(ideaThresholds.structureId, structureId)))[0];
const ideaRow = async (id: string) => (await db.select().from(ideas).where(eq(ideas.id, id)))[0]!;

const { agent: admin } = await signedInAgent(app, database, {
  email: "threshold.admin@example.tn",
  roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
});

const IDEA = {
  title: "Drinking fountains in the public gardens",
  description: "In summer the gardens have no water at all: three fountains would be enough for everyone.",
  structure: "mun-tn-11",
};

describe("the idea thresholds page", () => {
  it("shows a structure admin their structure with the default, prefilled, and saves a new threshold (audited)", async () => {
    const page = await admin.get("/en/admin/ideas");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("100 (default)");
    expect(page.body).toMatch(/id="supports"[^>]*value="100"|value="100"[^>]*id="supports"/);
    // The admin navigation lists the page.
    expect((await admin.get("/en/admin")).body).toContain('href="/en/admin/ideas"');

    const saved = await admin.post("/en/admin/ideas", {
      structure: tunis.id,
      supports: "٤٠", // Arabic-Indic digits, as an Arabic keyboard types them
      answerDays: "20",
    });
    expect(saved.statusCode).toBe(303);
    expect(await thresholdOf(tunis.id)).toMatchObject({ supports: 40, answerDays: 20 });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "idea_threshold.update"), eq(auditEvents.subjectId, tunis.id)));
    expect(event).toMatchObject({ structureId: tunis.id });
    expect(event!.details).toMatchObject({ supports: 40, answerDays: 20, before: null, reached: 0 });
    const after = await admin.get("/en/admin/ideas");
    expect(after.body).not.toContain("100 (default)");
    expect(after.body).toContain("Idea thresholds");
  });

  it("refuses bad numbers and a missing structure with translated messages, and changes nothing", async () => {
    const before = await thresholdOf(tunis.id);
    const response = await admin.post("/fr/admin/ideas", {
      structure: "",
      supports: "1",
      answerDays: "9999",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Choisissez dans la liste.");
    expect(response.body).toContain("Saisissez un nombre entier de 2 à");
    expect(response.body).toContain("Saisissez un nombre entier de 1 à 365.");
    expect(response.body).toContain('value="9999"'); // what was typed is kept
    for (const supports of ["abc", "-5", "2.5", "1e3", "100001", ""]) {
      const bad = await admin.post("/en/admin/ideas", { structure: tunis.id, supports, answerDays: "10" });
      expect(bad.statusCode, supports).toBe(422);
      expect(bad.body).toContain("Enter a whole number from 2 to");
    }
    const tooLong = await admin.post("/en/admin/ideas", {
      structure: tunis.id,
      supports: "5".repeat(200),
      answerDays: "10",
    });
    expect(tooLong.statusCode).toBe(400);
    expect(await thresholdOf(tunis.id)).toEqual(before);
  });

  it("forbids another structure's threshold to its non-admins, and lets platform admins set any", async () => {
    expect(
      (await admin.post("/en/admin/ideas", { structure: ariana.id, supports: "5", answerDays: "5" }))
        .statusCode,
    ).toBe(403);
    expect(await thresholdOf(ariana.id)).toBeUndefined();
    const { agent: central } = await signedInAgent(app, database, { platformAdmin: true });
    const page = await central.get(`/en/admin/ideas?structure=${ariana.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Structures with their own threshold");
    expect(
      (await central.post("/en/admin/ideas", { structure: ariana.id, supports: "7", answerDays: "14" }))
        .statusCode,
    ).toBe(303);
    expect(await thresholdOf(ariana.id)).toMatchObject({ supports: 7, answerDays: 14 });
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: "mun-tn-11", role: "agent" }],
    });
    expect((await agent.get("/en/admin/ideas")).statusCode).toBe(403);
  });

  it("moves the point where an idea reaches its threshold, and the answer job counts the new days", async () => {
    expect(
      (await admin.post("/en/admin/ideas", { structure: tunis.id, supports: "2", answerDays: "4" }))
        .statusCode,
    ).toBe(303);
    const { agent: author } = await signedInAgent(app, database);
    const id = ideaIdOf((await submitIdeaAs(testApp, author, IDEA)).headers.location);
    const supporters = await Promise.all([1, 2].map(() => signedInAgent(app, database)));
    await supporters[0]!.agent.post(`/en/ideas/${id}/support`, { support: "1" });
    expect((await ideaRow(id)).thresholdReachedAt).toBeNull();
    await supporters[1]!.agent.post(`/en/ideas/${id}/support`, { support: "1" });
    const reached = await ideaRow(id);
    expect(reached.thresholdReachedAt).not.toBeNull();
    const start = reached.thresholdReachedAt!.getTime();
    expect(reached.answerDueAt!.getTime() - start).toBe(4 * DAY);

    // The job: nothing on day 3, the structure alerted on day 5 (it would have waited 20 days before).
    const env = { publicUrl: app.config.publicUrl, secret: app.config.cookieSecret, features: app.features };
    await runAnswerDeadlines(db, new Date(start + 3 * DAY), env);
    expect((await ideaRow(id)).escalationLevel).toBe(0);
    await runAnswerDeadlines(db, new Date(start + 5 * DAY), env);
    expect((await ideaRow(id)).escalationLevel).toBe(1);
    expect(
      (await mailsTo(database, "threshold.admin@example.tn")).some((m) => m.textBody.includes(IDEA.title)),
    ).toBe(true);
  });

  it("makes an idea that already has the new number of supports reach it at once, and tells its followers", async () => {
    await admin.post("/en/admin/ideas", { structure: tunis.id, supports: "50", answerDays: "30" });
    const { agent: author } = await signedInAgent(app, database);
    const id = ideaIdOf(
      (await submitIdeaAs(testApp, author, { ...IDEA, title: "Benches in the shade of the gardens" })).headers
        .location,
    );
    const { agent: follower, account } = await signedInAgent(app, database);
    await follower.post(`/en/ideas/${id}/follow`, { follow: "1" });
    expect((await savePreferences(follower, "en", { "followed-news.frequency": "instant" })).statusCode).toBe(
      303,
    );
    for (const s of await Promise.all([1, 2, 3].map(() => signedInAgent(app, database))))
      await s.agent.post(`/en/ideas/${id}/support`, { support: "1" });
    expect((await ideaRow(id)).thresholdReachedAt).toBeNull();

    const saved = await admin.post("/en/admin/ideas", {
      structure: tunis.id,
      supports: "3",
      answerDays: "9",
    });
    expect(saved.statusCode).toBe(303);
    const row = await ideaRow(id);
    expect(row.answerDueAt!.getTime() - row.thresholdReachedAt!.getTime()).toBe(9 * DAY);
    const events = await db.select().from(ideaEvents).where(eq(ideaEvents.ideaId, id));
    expect(events.filter((e) => e.kind === "threshold_reached")).toHaveLength(1);
    await sendInstantNotices(database.db, "https://sharek.tn");
    expect((await mailsTo(database, account.email!)).length).toBe(1);
    expect((await admin.get("/en/admin/ideas")).body).toContain("now owe an official answer");

    // Saving again changes nothing for it: its clock started once.
    await admin.post("/en/admin/ideas", { structure: tunis.id, supports: "3", answerDays: "60" });
    expect((await ideaRow(id)).answerDueAt).toEqual(row.answerDueAt);
  });

  it("removes a structure's own threshold after a confirmation (audited), so the default applies again", async () => {
    await admin.post("/en/admin/ideas", { structure: tunis.id, supports: "12", answerDays: "6" });
    expect((await admin.get("/en/admin/ideas")).body).toContain(`href="/en/admin/ideas/${tunis.id}/remove"`);
    const confirm = await admin.get(`/fr/admin/ideas/${tunis.id}/remove`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("12 soutiens, 6 jours");
    // Another structure's threshold is not there for this admin.
    expect((await admin.get(`/en/admin/ideas/${ariana.id}/remove`)).statusCode).toBe(404);
    expect((await admin.post(`/en/admin/ideas/${ariana.id}/remove`, {})).statusCode).toBe(404);
    expect(await thresholdOf(ariana.id)).toBeDefined();

    expect((await admin.post(`/en/admin/ideas/${tunis.id}/remove`, {})).statusCode).toBe(303);
    expect(await thresholdOf(tunis.id)).toBeUndefined();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "idea_threshold.remove"), eq(auditEvents.subjectId, tunis.id)));
    expect(event!.details).toEqual({ before: { supports: 12, answerDays: 6 } });
    const page = await admin.get("/en/admin/ideas");
    expect(page.body).toContain("The structure’s own threshold is removed");
    expect(page.body).toContain("100 (default)");
    // Nothing left to confirm; removing again changes nothing and records nothing.
    expect((await admin.get(`/en/admin/ideas/${tunis.id}/remove`)).statusCode).toBe(404);
    expect((await admin.post(`/en/admin/ideas/${tunis.id}/remove`, {})).statusCode).toBe(303);
    expect(
      await db.select().from(auditEvents).where(eq(auditEvents.action, "idea_threshold.remove")),
    ).toHaveLength(1);
  });

  it("shows the XSS filter-evasion vectors typed in its fields back as text, and similar ideas' titles only as JSON", async () => {
    for (const vector of XSS_VECTORS) {
      const page = await admin.post("/ar/admin/ideas", {
        structure: vector.slice(0, 100),
        supports: vector.slice(0, 30),
        answerDays: vector.slice(0, 30),
      });
      expect(page.statusCode, vector).toBe(422);
      expect(executableMarkup(page.body), vector).toEqual([]);
    }
    const similar = await new Agent(app).get(
      `/en/ideas/similar?title=${encodeURIComponent(XSS_VECTORS[0]!)}`,
    );
    expect(similar.headers["content-type"]).toMatch(/^application\/json/);
    expect(similar.headers["x-content-type-options"]).toBe("nosniff");
  });
});
