import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { executableMarkup, XSS_VECTORS } from "../../../test/html-safety.js";
import { forumCategories } from "../forum/tables.js";
import { latestPost, threadIdOf } from "../forum/testing.js";
import { ideaComments } from "../ideas/tables.js";
import { ideaIdOf, submitIdeaAs } from "../ideas/testing.js";
import { saveModerationRules } from "./rules.js";

/**
 * Every text field of the idea box, the forum and moderation, filled with each OWASP filter-evasion
 * vector: no page that shows the text (to the public, its author, officials or moderators) contains
 * markup that could run.
 */
// Hundreds of posts within a minute, from one address: the submission rate limit is not what is tested here.
const testApp = await createTestApp({ env: { SUBMISSION_RATE_LIMIT: "100000" } });
const { app, database } = testApp;
const db = database.db;
await saveModerationRules(db, { newAccountDays: 0, words: [], burstMax: 1000, burstMinutes: 1 });
const { agent: citizen } = await signedInAgent(app, database);
const { agent: other } = await signedInAgent(app, database);
const { agent: official } = await signedInAgent(app, database, {
  roles: [{ structure: "mun-tn-11", role: "agent" }],
});
const { agent: moderator } = await signedInAgent(app, database, {
  roles: [{ structure: "gov-tn-11", role: "moderator" }],
});
const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
const anonymous = new Agent(app);

async function expectSafe(agent: Agent, url: string, vector: string) {
  const page = await agent.get(url);
  expect(page.statusCode, url).toBeLessThan(500);
  expect(executableMarkup(page.body), `${url} with ${JSON.stringify(vector)}`).toEqual([]);
  return page;
}

describe("XSS filter-evasion vectors in every text field", () => {
  it("the checker itself catches executable markup", () => {
    expect(executableMarkup('<p><img src=x onerror="alert(1)"></p>')).not.toEqual([]);
    expect(executableMarkup('<a href=" jav&#x09;ascript:alert(1)">x</a>')).not.toEqual([]);
    expect(executableMarkup("<svg><script>alert(1)</script></svg>")).not.toEqual([]);
    expect(executableMarkup('<p><a href="https://x.tn" rel="nofollow ugc">x</a></p>')).toEqual([]);
  });

  it.each(XSS_VECTORS.map((v, i) => [i, v] as const))("vector %i never runs: %s", async (i, vector) => {
    const pad = "A description long enough for the idea box. ";
    // Ideas: title, description (and the 422 page that shows them back), comment, official answer.
    const rejected = await submitIdeaAs(testApp, citizen, {
      title: vector,
      description: vector,
      structure: 'x"><script>',
    });
    expect(executableMarkup(rejected.body)).toEqual([]);
    const created = await submitIdeaAs(testApp, citizen, {
      title: `Idea ${i} ${vector}`.slice(0, 150),
      description: `${pad}${vector}`,
      structure: "mun-tn-11",
    });
    expect(created.statusCode).toBe(303);
    const idea = ideaIdOf(created.headers.location);
    await other.post(`/en/ideas/${idea}/comments`, { body: vector.length >= 2 ? vector : `${vector}!` });
    await official.post(`/en/ideas/${idea}/status`, { status: "accepted", body: vector });
    await expectSafe(anonymous, `/ar/ideas/${idea}`, vector);
    await expectSafe(official, `/en/ideas/${idea}`, vector);
    await expectSafe(anonymous, "/fr/ideas?sort=newest", vector);
    await expectSafe(
      citizen,
      `/en/ideas/new?title=${encodeURIComponent(vector)}&description=${encodeURIComponent(vector)}`,
      vector,
    );

    // Forum: a category named with the vector, a thread's title and body, a reply, a quote.
    const slug = `c${i}`;
    const saved = await admin.post("/en/admin/forum", {
      slug,
      name_ar: vector.slice(0, 80),
      name_fr: vector.slice(0, 80),
      name_en: vector.slice(0, 80),
      description_en: vector.slice(0, 300),
    });
    expect(saved.statusCode).toBe(303);
    const [category] = await db.select().from(forumCategories).where(eq(forumCategories.slug, slug));
    expect(category).toBeTruthy();
    const started = await citizen.post(`/en/forum/${slug}/threads`, {
      title: `Thread ${i} ${vector}`.slice(0, 150),
      body: vector,
    });
    const thread = threadIdOf(started.headers.location);
    await other.post(`/en/forum/threads/${thread}/replies`, { body: vector });
    const reply = await latestPost(db, thread);
    await official.post(`/en/forum/threads/${thread}/replies`, {
      body: vector,
      quote: reply.id,
      official: "1",
    });
    await expectSafe(anonymous, "/en/forum", vector);
    await expectSafe(anonymous, `/en/forum/${slug}`, vector);
    await expectSafe(anonymous, `/ar/forum/threads/${thread}`, vector);
    await expectSafe(citizen, `/en/forum/threads/${thread}?quote=${reply.id}`, vector);
    await expectSafe(admin, "/en/admin/forum", vector);

    // Moderation: a flag's note, a hide reason on the tombstone, the word list, the queue and item pages.
    await other.post(`/en/flag/forum_thread/${thread}`, { reason: "other", note: vector });
    await expectSafe(moderator, "/en/moderation", vector);
    await expectSafe(moderator, `/en/moderation/items/forum_thread/${thread}`, vector);
    await expectSafe(other, `/en/flag/forum_thread/${thread}`, vector);
    await moderator.post(`/en/moderation/items/forum_post/${reply.id}`, { decision: "hide", reason: vector });
    const [comment] = await db.select().from(ideaComments).where(eq(ideaComments.ideaId, idea));
    if (comment)
      await moderator.post(`/en/moderation/items/idea_comment/${comment.id}`, {
        decision: "hide",
        reason: vector,
      });
    await expectSafe(anonymous, `/fr/forum/threads/${thread}`, vector);
    await expectSafe(anonymous, `/fr/ideas/${idea}`, vector);
    await admin.post("/en/admin/moderation", {
      newAccountDays: "0",
      burstMax: "1000",
      burstMinutes: "1",
      words: vector,
    });
    await expectSafe(admin, "/en/admin/moderation", vector);
    // The word list would hold the next vector's posts: back to none.
    await saveModerationRules(db, { newAccountDays: 0, words: [], burstMax: 1000, burstMinutes: 1 });
  });
});
