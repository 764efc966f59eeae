import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { attr, tag } from "../../core/views/components/test-helpers.js";
import { saveModerationRules } from "../moderation/rules.js";
import { ideaComments } from "./tables.js";
import { ideaIdOf, submitIdeaAs } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
await saveModerationRules(database.db, { newAccountDays: 0, words: [], burstMax: 100, burstMinutes: 1 });

const TITLE = "Des bancs à l’ombre devant l’école.";
const NAME = "Leïla / Mansouri / ليلى المنصوري";
const REASON = "Propos insultants envers un voisin.";

/** The element whose text is exactly this, with its opening tag: the isolation must be on it. */
function holder(html: string, text: string): string {
  const at = html.indexOf(`>${text}<`);
  expect(at, `${text} in the page`).toBeGreaterThan(0);
  return html.slice(html.lastIndexOf("<", at), at + 1);
}

describe("user text in an Arabic page", () => {
  it("keeps a French title, a mixed-script name and a French moderation reason in their own direction", async () => {
    const { agent: author } = await signedInAgent(app, database, { displayName: NAME });
    const submitted = await submitIdeaAs(testApp, author, {
      title: TITLE,
      description: "Les enfants attendent au soleil à la sortie : trois bancs ombragés suffiraient.",
      structure: "mun-tn-11",
    });
    expect(submitted.statusCode).toBe(303);
    const id = ideaIdOf(submitted.headers.location);
    await author.get(`/ar/ideas/${id}`);
    await author.post(`/ar/ideas/${id}/comments`, { body: "Vous êtes tous des idiots." });
    const [comment] = await database.db.select().from(ideaComments).where(eq(ideaComments.ideaId, id));
    const { agent: moderator } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "moderator" }],
    });
    await moderator.get(`/ar/moderation/items/idea_comment/${comment!.id}`);
    const hidden = await moderator.post(`/ar/moderation/items/idea_comment/${comment!.id}`, {
      decision: "hide",
      reason: REASON,
    });
    expect(hidden.statusCode).toBe(303);

    const page = await new Agent(app).get(`/ar/ideas/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl"');
    // The title is a heading of its own direction, aligned to its own start.
    const h1 = tag(page.body, "<h1");
    expect(attr(h1, "dir")).toBe("auto");
    expect(holder(page.body, TITLE)).toBe(h1);
    // The author's name and the moderation reason sit in <bdi> inside the Arabic sentence.
    expect(holder(page.body, NAME)).toBe("<bdi>");
    expect(holder(page.body, REASON)).toBe("<bdi>");
    expect(page.body).toContain(`السبب: <bdi>${REASON}</bdi>`);
  });
});
