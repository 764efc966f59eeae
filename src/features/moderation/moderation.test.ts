import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { mailsTo } from "../../../test/mail.js";
import { auditEvents } from "../../core/audit/tables.js";
import { accounts } from "../../core/auth/tables.js";
import { forumPosts } from "../forum/tables.js";
import { createCategory, latestPost, threadIdOf } from "../forum/testing.js";
import { saveModerationRules } from "./rules.js";
import { moderationItems } from "./tables.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
await createCategory(db, "civic");
const OPEN_RULES = { newAccountDays: 0, words: [], burstMax: 100, burstMinutes: 1 };
await saveModerationRules(db, OPEN_RULES);
const { agent: moderator } = await signedInAgent(app, database, {
  roles: [{ structure: "gov-tn-11", role: "moderator" }],
});

async function thread(agent: Agent, body = "A calm opening message about the neighbourhood.") {
  const response = await agent.post("/en/forum/civic/threads", { title: "Parking in the old town", body });
  return threadIdOf(response.headers.location);
}

describe("moderation", () => {
  it("queues flagged items with their counts, oldest first; hides with a tombstone and restores, telling the author", async () => {
    const { agent: author, account } = await signedInAgent(app, database, { email: "author.mod@example.tn" });
    const id = await thread(author);
    await author.post(`/en/forum/threads/${id}/replies`, { body: "You are all idiots." });
    const rude = await latestPost(db, id);
    await author.post(`/en/forum/threads/${id}/replies`, { body: "Buy cheap watches." });
    const spam = await latestPost(db, id);

    const flaggers = await Promise.all([1, 2].map(() => signedInAgent(app, database)));
    const noReason = await flaggers[0]!.agent.post(`/en/flag/forum_post/${rude.id}`, { reason: "" });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain("Choose what the problem is.");
    await flaggers[0]!.agent.post(`/en/flag/forum_post/${rude.id}`, { reason: "abuse" });
    await flaggers[0]!.agent.post(`/en/flag/forum_post/${rude.id}`, { reason: "abuse" }); // twice: one flag
    await flaggers[1]!.agent.post(`/en/flag/forum_post/${rude.id}`, { reason: "other", note: "Insults" });
    await flaggers[1]!.agent.post(`/en/flag/forum_post/${spam.id}`, { reason: "spam" });

    const queue = await moderator.get("/en/moderation");
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain("Forum reply (2)");
    expect(queue.body).toContain("2 reports");
    expect(queue.body.indexOf("You are all idiots.")).toBeLessThan(queue.body.indexOf("Buy cheap watches."));

    const noReasonHide = await moderator.post(`/en/moderation/items/forum_post/${rude.id}`, {
      decision: "hide",
      reason: "",
    });
    expect(noReasonHide.statusCode).toBe(422);
    expect(noReasonHide.body).toContain("Give a reason.");
    await moderator.post(`/en/moderation/items/forum_post/${rude.id}`, {
      decision: "hide",
      reason: "Insults other citizens.",
    });
    const page = await new Agent(app).get(`/en/forum/threads/${id}`);
    expect(page.body).not.toContain("You are all idiots.");
    expect(page.body).toContain("This contribution was hidden by the moderators.");
    expect(page.body).toContain("Reason: <bdi>Insults other citizens.</bdi>");
    const [hiddenMail] = await mailsTo(database, account.email!);
    expect(hiddenMail!.textBody).toContain("Insults other citizens.");
    expect((await moderator.get("/en/moderation")).body).toContain("Forum reply (1)");

    await moderator.post(`/en/moderation/items/forum_post/${rude.id}`, {
      decision: "restore",
      reason: "On appeal: a quote.",
    });
    expect((await new Agent(app).get(`/en/forum/threads/${id}`)).body).toContain("You are all idiots.");
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, rude.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["moderation.hidden", "moderation.restored"]);
    expect(await mailsTo(database, account.email!)).toHaveLength(2);
  });

  it("blocks an account for a set time: it cannot post, and is told", async () => {
    const { agent: author, account } = await signedInAgent(app, database, {
      email: "blocked.mod@example.tn",
    });
    const id = await thread(author);
    await author.post(`/en/forum/threads/${id}/replies`, { body: "Rude again." });
    const post = await latestPost(db, id);
    const bad = await moderator.post(
      `/en/moderation/accounts/${account.id}/block?from=forum_post/${post.id}`,
      { days: "2", reason: "x" },
    );
    expect(bad.statusCode).toBe(422);
    const forged = await moderator.post(
      `/en/moderation/accounts/${account.id}/block?from=forum_thread/${id}x`,
      { days: "7", reason: "x" },
    );
    expect(forged.statusCode).toBe(404);
    const done = await moderator.post(
      `/en/moderation/accounts/${account.id}/block?from=forum_post/${post.id}`,
      { days: "7", reason: "Repeated insults." },
    );
    expect(done.statusCode).toBe(303);
    const refused = await author.post(`/en/forum/threads/${id}/replies`, { body: "Can I still post?" });
    expect(refused.statusCode).toBe(422);
    // The date reads as a date in the page's language, not as an ISO string.
    expect(refused.body).toMatch(/Your account may not post until \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(refused.body).not.toMatch(/until \d{4}-\d{2}-\d{2}/);
    const refusedAr = await author.post(`/ar/forum/threads/${id}/replies`, { body: "هل يمكنني النشر؟" });
    expect(refusedAr.statusCode).toBe(422);
    expect(refusedAr.body).toMatch(
      /لا يمكن لحسابك النشر قبل [^<]*(ديسمبر|جانفي|فيفري|مارس|أفريل|ماي|جوان|جويلية|أوت|سبتمبر|أكتوبر|نوفمبر|يناير|فبراير|أبريل|مايو|يونيو|يوليو|أغسطس)/,
    );
    expect(refusedAr.body).not.toMatch(/قبل \d{4}-\d{2}-\d{2}/);
    expect((await mailsTo(database, account.email!))[0]!.subject).toContain("لا يمكن لحسابك النشر");
  });

  it("holds links from young accounts, word-list matches after Arabic normalisation, and bursts", async () => {
    await saveModerationRules(db, {
      newAccountDays: 3,
      words: ["غبي", "idiot"],
      burstMax: 3,
      burstMinutes: 10,
    });
    try {
      const { agent: young } = await signedInAgent(app, database);
      const id = await thread(young);
      await young.post(`/en/forum/threads/${id}/replies`, { body: "See https://spam.example for more" });
      const link = await latestPost(db, id);
      expect(link.moderationState).toBe("held");
      // The held post: its author sees it awaiting review, others do not see it at all.
      expect((await young.get(`/en/forum/threads/${id}`)).body).toContain("Awaiting review");
      expect((await new Agent(app).get(`/en/forum/threads/${id}`)).body).not.toContain("spam.example");

      const { agent: older, account } = await signedInAgent(app, database);
      await db
        .update(accounts)
        .set({ createdAt: new Date(Date.now() - 30 * 86_400_000) })
        .where(eq(accounts.id, account.id));
      await older.post(`/en/forum/threads/${id}/replies`, { body: "Useful: https://transport.example.tn" });
      expect((await latestPost(db, id)).moderationState).toBe("visible");
      // "غبيّ" with a shadda and "IDIOT" in capitals match the list; "idiotic" does not.
      await older.post(`/en/forum/threads/${id}/replies`, { body: "أنت غبيّ" });
      const arabic = await latestPost(db, id);
      expect(arabic.moderationState).toBe("held");
      await older.post(`/en/forum/threads/${id}/replies`, { body: "What an idiotic timetable" });
      expect((await latestPost(db, id)).moderationState).toBe("visible");
      const queued = await db
        .select()
        .from(moderationItems)
        .where(and(eq(moderationItems.kind, "forum_post"), eq(moderationItems.itemId, arabic.id)));
      expect(queued[0]!.holdCause).toBe("word_list");

      // A fourth post within ten minutes is held as a burst.
      await older.post(`/en/forum/threads/${id}/replies`, { body: "Fourth message in a row" });
      const burst = await latestPost(db, id);
      expect(burst.moderationState).toBe("held");
      // Releasing a held post publishes it.
      await moderator.post(`/en/moderation/items/forum_post/${burst.id}`, {
        decision: "restore",
        reason: "Fine.",
      });
      expect(
        (await db.select().from(forumPosts).where(eq(forumPosts.id, burst.id)))[0]!.moderationState,
      ).toBe("visible");
    } finally {
      await saveModerationRules(db, OPEN_RULES);
    }
  });

  it("gives moderators nothing of the integrity channel", async () => {
    expect((await moderator.get("/en/integrity/officer")).statusCode).toBe(403);
    // The footer links every page to the public channel; the moderation queue itself shows nothing of it.
    const main = /<main[\s\S]*<\/main>/.exec((await moderator.get("/en/moderation")).body)?.[0];
    expect(main).toBeDefined();
    expect(main).not.toMatch(/integrity|report_/i);
  });

  it("lets platform admins set the hold rules, with translated errors", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const bad = await admin.post("/fr/admin/moderation", {
      newAccountDays: "-1",
      burstMax: "5",
      burstMinutes: "10",
      words: "",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("Saisissez un nombre entier de 0 à 365.");
    const ok = await admin.post("/en/admin/moderation", {
      newAccountDays: "5",
      burstMax: "5",
      burstMinutes: "10",
      words: "spam\nسب",
    });
    expect(ok.statusCode).toBe(303);
    expect((await admin.get("/en/admin/moderation")).body).toContain("spam\nسب");
    await saveModerationRules(db, OPEN_RULES);
  });
});
