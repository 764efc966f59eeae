import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { mailsTo } from "../../../test/mail.js";
import { savePreferences } from "../../../test/preferences.js";
import { saveModerationRules } from "../moderation/rules.js";
import { sendInstantNotices } from "../subscriptions/digests.js";
import { createCategory, findThreadRow, latestPost, threadIdOf } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const transport = await createCategory(db, "transport");
const other = await createCategory(db, "other");
// Links from new accounts are held for review (moderation.test.ts); here every account is new.
await saveModerationRules(db, { newAccountDays: 0, words: [], burstMax: 100, burstMinutes: 1 });

const THREAD = {
  title: "Night buses for students",
  body: "Could the **last bus** leave later?\n\n- line 20\n- line 28",
};

describe("the forum", () => {
  it("lists categories, starts a thread rendered from safe Markdown, and takes replies that quote", async () => {
    const home = await new Agent(app).get("/fr/forum");
    expect(home.body).toContain("Catégorie transport");
    const { agent } = await signedInAgent(app, database);
    const started = await agent.post("/en/forum/transport/threads", THREAD);
    expect(started.statusCode).toBe(303);
    const id = threadIdOf(started.headers.location);
    const page = await new Agent(app).get(`/en/forum/threads/${id}`);
    expect(page.body).toContain("<strong>last bus</strong>");
    expect(page.body).toContain("<li>line 20</li>");

    const { agent: replier } = await signedInAgent(app, database);
    await replier.post(`/en/forum/threads/${id}/replies`, {
      body: "Yes, [see the timetable](https://transport.example.tn)",
    });
    const first = await latestPost(db, id);
    const quoting = await agent.get(`/en/forum/threads/${id}?quote=${first.id}`);
    expect(quoting.body).toContain(`name="quote" value="${first.id}"`);
    await agent.post(`/en/forum/threads/${id}/replies`, { body: "Thanks!", quote: first.id });
    const reply = await latestPost(db, id);
    expect(reply.quotedPostId).toBe(first.id);
    const after = await new Agent(app).get(`/en/forum/threads/${id}`);
    expect(after.body).toContain(
      '<a href="https://transport.example.tn" rel="nofollow ugc">see the timetable</a>',
    );
    expect(after.body).toContain('class="sh-quote"');
  });

  it("marks staff answers official only when staff ask, lets moderators pin them, and tells followers", async () => {
    const { agent: citizen, account } = await signedInAgent(app, database);
    expect((await savePreferences(citizen, "en", { "followed-news.frequency": "instant" })).statusCode).toBe(
      303,
    );
    const id = threadIdOf((await citizen.post("/en/forum/transport/threads", THREAD)).headers.location);
    // A citizen asking for "official" gets an ordinary reply.
    await citizen.post(`/en/forum/threads/${id}/replies`, { body: "I am official!", official: "1" });
    expect((await latestPost(db, id)).official).toBe(false);
    const { agent: official } = await signedInAgent(app, database, {
      roles: [{ structure: "mun-tn-11", role: "agent" }],
    });
    await official.post(`/en/forum/threads/${id}/replies`, {
      body: "The last bus will leave at midnight from June.",
      official: "1",
    });
    const answer = await latestPost(db, id);
    expect(answer.official).toBe(true);
    await sendInstantNotices(db, "https://sharek.tn");
    expect((await mailsTo(database, account.email!)).length).toBe(1);

    const { agent: moderator } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "moderator" }],
    });
    expect((await official.post(`/en/forum/posts/${answer.id}/pin`, { pin: "1" })).statusCode).toBe(403);
    expect((await moderator.post(`/en/forum/posts/${answer.id}/pin`, { pin: "1" })).statusCode).toBe(303);
    const page = await new Agent(app).get(`/en/forum/threads/${id}`);
    expect(page.body).toContain('id="official-heading"');
    expect(page.body.indexOf("official-heading")).toBeLessThan(page.body.indexOf("replies-heading"));
  });

  it("lets moderators lock, pin and move threads; a locked thread takes no reply", async () => {
    const { agent: citizen } = await signedInAgent(app, database);
    const id = threadIdOf((await citizen.post("/en/forum/transport/threads", THREAD)).headers.location);
    const { agent: moderator } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "moderator" }],
    });
    await moderator.post(`/en/forum/threads/${id}/manage`, { action: "lock" });
    expect((await findThreadRow(db, id)).lockedAt).not.toBeNull();
    expect((await citizen.post(`/en/forum/threads/${id}/replies`, { body: "Too late?" })).statusCode).toBe(
      403,
    );
    await moderator.post(`/en/forum/threads/${id}/manage`, { action: "pin" });
    expect((await findThreadRow(db, id)).pinnedAt).not.toBeNull();
    await moderator.post(`/en/forum/threads/${id}/manage`, { action: "move", category: "other" });
    expect((await findThreadRow(db, id)).categoryId).toBe(other.id);
    expect((await findThreadRow(db, id)).categoryId).not.toBe(transport.id);
  });

  it("lets platform admins manage categories, with translated errors", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const bad = await admin.post("/fr/admin/forum", {
      slug: "threads",
      name_ar: "",
      name_fr: "x",
      name_en: "x",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("Utilisez de 2 à 40 lettres minuscules");
    // Each language's name: the message says which and how long it may be.
    expect(bad.body).toContain("Saisissez le nom en arabe, en 80 caractères au plus");
    expect(bad.body).toContain('href="#new-name_ar"');
    const long = await admin.post("/ar/admin/forum", {
      slug: "long-text",
      name_ar: "الماء",
      name_fr: "Eau",
      name_en: "Water",
      description_fr: "d".repeat(301),
    });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain("اختصر الوصف بالفرنسية إلى 300 حرف على الأكثر");
    expect(long.body).toContain("d".repeat(301));
    const ok = await admin.post("/en/admin/forum", {
      slug: "water",
      name_ar: "الماء",
      name_fr: "Eau",
      name_en: "Water",
      position: "3",
    });
    expect(ok.statusCode).toBe(303);
    expect((await new Agent(app).get("/en/forum")).body).toContain("Water");
  });

  it("refuses empty or oversize text with a message and stores nothing", async () => {
    const { agent } = await signedInAgent(app, database);
    const empty = await agent.post("/ar/forum/transport/threads", { title: "", body: "" });
    expect(empty.statusCode).toBe(422);
    const huge = await agent.post("/en/forum/transport/threads", {
      title: "A fine title",
      body: "x".repeat(20_001),
    });
    expect(huge.statusCode).toBe(400);
  });
});
