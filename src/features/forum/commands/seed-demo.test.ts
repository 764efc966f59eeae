import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../../test/app.js";
import { demoLines } from "../../../../test/databases.js";
import { executableMarkup } from "../../../../test/html-safety.js";
import { runAnswerDeadlines } from "../../ideas/jobs/answer-deadlines.js";

const { app, database } = await createTestApp({ demo: true });

describe("the demo idea box and forum", () => {
  it("are lively in ar, fr and en, with answers, a tombstone, and items waiting for moderators", async () => {
    const lines = await demoLines();
    expect(lines.join("\n")).toContain("Idea box: 8 demo ideas");
    expect(lines.join("\n")).toContain("Forum: 4 categories, 5 demo discussions");
    const visitor = new Agent(app);
    const ideas = await visitor.get("/en/ideas");
    expect(ideas.body).toContain("تركيب مقاعد وظلال في محطات الحافلات");
    expect(ideas.body).toContain("Des bacs de tri sélectif");
    expect(ideas.body).toContain("Open the municipal libraries in the evening");
    const forum = await visitor.get("/fr/forum/city-life");
    expect(forum.body).toContain("كيف نحسّن جمع الفضلات");
    const threadId = /\/fr\/forum\/threads\/([0-9a-f-]{36})/.exec(forum.body)![1];
    const thread = await visitor.get(`/fr/forum/threads/${threadId}`);
    expect(thread.body).toContain("Cette contribution a été masquée par la modération.");
    expect(thread.body).toContain('id="official-heading"');
    expect(executableMarkup(thread.body)).toEqual([]);
    const queue = await database.query<{ n: number }>(
      "select count(*)::int as n from moderation_items where pending_since is not null",
    );
    // An idea comment and a forum post, and the reported comment on the open consultation.
    expect(queue[0]!.n).toBe(3);
    // The unanswered library idea is past its due date: the job escalates it.
    const run = await runAnswerDeadlines(database.db, new Date(), {
      publicUrl: "https://sharek.example.tn",
      secret: "job-test-secret",
      features: [],
    });
    expect(run.alerted).toBe(1);
  });
});
