import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent, TEST_PASSWORD } from "../../../test/accounts.js";
import { Agent } from "../../../test/app.js";
import { sendRequestForm } from "../../../test/request-form.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { notify } from "../../core/notifications/notify.js";
import { notifications } from "../../core/notifications/tables.js";
import { applyRetention } from "../../core/personal-data/retention.js";
import { collectAccountData } from "../accounts/data-export/build-zip.js";
import { staffPeople, staffTestApp } from "../cases/workspace/testing.js";
import { createCategory, latestPost, threadIdOf } from "../forum/testing.js";
import { saveModerationRules } from "../moderation/rules.js";
import { addFollow } from "../subscriptions/commands.js";
import { publishNotice } from "../subscriptions/notices.js";
import { notificationsManifest } from "./manifest.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

/** The unread count the header shows (the badge's text), or null without a badge. */
const badge = (html: string) =>
  /<span class="sh-header__badge"><span aria-hidden="true">(\d+)<\/span>/.exec(html)?.[1] ?? null;

/** The notification items of a page, as text without tags. */
const items = (html: string) =>
  [...html.matchAll(/<li class="sh-notifications__item[^"]*">([\s\S]*?)<\/li>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );

/** A citizen files a request through the form; the agent of its structure answers it. */
async function answeredRequest(lang = "en") {
  const citizen = await signedInAgent(app, database, { displayName: "Amira Notified" });
  const filed = await sendRequestForm(app, citizen.agent, lang, {
    type: "complaint",
    structure: "gov-tn-11",
    subject: "Broken streetlight on Avenue Habib Bourguiba",
    description: "The streetlights of the avenue have been off for ten days; the street is dark at night.",
    governorate: "TN-11",
  });
  expect(filed.statusCode).toBe(303);
  const [c] = await database.query<{ id: string; reference: string }>(
    "select id, reference from cases where submitter_id = $1",
    [citizen.account.id],
  );
  const reply = await people.agent.agent.post(`/en/staff/requests/${c!.id}/reply`, {
    body: "A team repairs it on Thursday.",
  });
  expect(reply.statusCode).toBe(303);
  return { ...citizen, case: c! };
}

describe("the notification centre", () => {
  it("lists the agent's reply to a citizen's request, with the unread count in the header, in each language", async () => {
    const { agent: citizen, case: c } = await answeredRequest();
    const page = await citizen.get("/en/notifications");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    const listed = items(page.body);
    expect(listed[0]).toContain(`New Your request ${c.reference} has been answered`);
    expect(page.body).toContain(`href="/en/requests/${c.id}"`);
    expect(badge(page.body)).toBe(String(listed.length));
    expect(page.body).toContain("unread notification");
    // Text is rendered when read, in the reader's language.
    expect(items((await citizen.get("/fr/notifications")).body)[0]).toContain(`Votre requête ${c.reference}`);
    expect(items((await citizen.get("/ar/notifications")).body)[0]).toContain(c.reference);
    expect((await citizen.get("/ar/notifications")).body).toContain(`href="/ar/requests/${c.id}"`);
    // The badge is on every page of theirs, not only this one.
    expect(badge((await citizen.get("/en/requests")).body)).toBe(String(listed.length));
  });

  it("marks one read, then all, 303 back to the list; the badge follows", async () => {
    const { agent: citizen, account } = await answeredRequest();
    await notify(db, account.id, "request-update", {
      params: { notice: "inProgress", reference: "REF-EXTRA" },
      link: "/requests",
    });
    const before = await citizen.get("/en/notifications");
    const unread = Number(badge(before.body));
    expect(unread).toBeGreaterThanOrEqual(2);
    const [first] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, account.id))
      .orderBy(notifications.id);
    expect(before.body).toContain(`action="/en/notifications/${first!.id}/read"`);

    const read = await citizen.post(`/en/notifications/${first!.id}/read`);
    expect(read.statusCode).toBe(303);
    expect(read.headers.location).toBe("/en/notifications");
    const after = await citizen.get("/en/notifications");
    expect(after.body).toContain("Notification marked as read.");
    expect(badge(after.body)).toBe(String(unread - 1));
    expect(after.body).not.toContain(`action="/en/notifications/${first!.id}/read"`);
    // Marking it again is harmless.
    expect((await citizen.post(`/en/notifications/${first!.id}/read`)).statusCode).toBe(303);

    const all = await citizen.post("/en/notifications/read-all");
    expect(all.statusCode).toBe(303);
    const done = await citizen.get("/en/notifications");
    expect(done.body).toContain("All your notifications are marked as read.");
    expect(badge(done.body)).toBeNull();
    expect(done.body).toContain("Everything is read.");
    expect(done.body).not.toContain('action="/en/notifications/read-all"');
  });

  it("keeps each person's notifications to them: another cannot see or mark them", async () => {
    const { agent: citizen, account, case: c } = await answeredRequest();
    const [mine] = await db.select().from(notifications).where(eq(notifications.accountId, account.id));
    const other = await signedInAgent(app, database);
    const theirs = await other.agent.get("/en/notifications");
    expect(theirs.body).not.toContain(c.reference);
    expect(theirs.body).toContain("You have no notifications yet.");
    expect(badge(theirs.body)).toBeNull();
    const forged = await other.agent.post(`/en/notifications/${mine!.id}/read`);
    expect(forged.statusCode).toBe(404);
    const [still] = await db.select().from(notifications).where(eq(notifications.id, mine!.id));
    expect(still!.readAt).toBeNull();
    // Marking all read marks only one's own.
    await other.agent.post("/en/notifications/read-all");
    expect(badge((await citizen.get("/en/notifications")).body)).not.toBeNull();
  });

  it("answers bad input with translated 4xx pages, and refuses a form without its CSRF token", async () => {
    const { agent: citizen } = await signedInAgent(app, database);
    const bad = await citizen.post("/fr/notifications/not-a-uuid/read");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('lang="fr"');
    const unknown = await citizen.post(`/fr/notifications/${crypto.randomUUID()}/read`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('lang="fr"');
    expect((await citizen.post("/en/notifications/read-all", {}, { csrf: false })).statusCode).toBe(403);
    // A page key that is not an id just shows the newest page.
    expect((await citizen.get("/en/notifications?before=nonsense")).statusCode).toBe(200);
  });

  it("sends anonymous visitors to sign in, and back", async () => {
    const response = await new Agent(app).get("/en/notifications");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/en/sign-in?next=${encodeURIComponent("/en/notifications")}`);
  });

  it("pages older notifications, newest first", async () => {
    const { agent: citizen, account } = await signedInAgent(app, database);
    for (let i = 1; i <= 32; i++)
      await notify(db, account.id, "request-update", {
        params: { notice: "inProgress", reference: `PAGE-${String(i).padStart(2, "0")}` },
        link: "/requests",
      });
    const first = await citizen.get("/en/notifications");
    expect(items(first.body)).toHaveLength(30);
    expect(items(first.body)[0]).toContain("PAGE-32");
    const older = /href="(\/en\/notifications\?before=[^"]+)"/.exec(first.body)?.[1];
    expect(older).toBeDefined();
    const second = await citizen.get(older!);
    expect(items(second.body).map((t) => /PAGE-\d+/.exec(t)?.[0])).toEqual(["PAGE-02", "PAGE-01"]);
    expect(second.body).toContain("Back to the newest");
  });

  it("tells followers of news, except its author, in their language", async () => {
    const follower = await signedInAgent(app, database);
    const author = await signedInAgent(app, database);
    const target = crypto.randomUUID();
    for (const who of [follower, author]) await addFollow(db, who.account.id, "idea", target);
    await db.transaction((tx) =>
      publishNotice(tx, {
        kind: "idea",
        target,
        title: { ar: "فكرة تتابعها: قُبلت", fr: "Idée suivie : acceptée", en: "Idea you follow: accepted" },
        path: `/ideas/${target}`,
        actorId: author.account.id,
      }),
    );
    const en = await follower.agent.get("/en/notifications");
    expect(items(en.body)[0]).toContain("Idea you follow: accepted");
    expect(en.body).toContain(`href="/en/ideas/${target}"`);
    expect(items((await follower.agent.get("/fr/notifications")).body)[0]).toContain(
      "Idée suivie : acceptée",
    );
    expect(items((await follower.agent.get("/ar/notifications")).body)[0]).toContain("فكرة تتابعها: قُبلت");
    expect((await author.agent.get("/en/notifications")).body).toContain("You have no notifications yet.");
  });

  it("tells authors of a moderation decision about their post, with the reason and a link to it", async () => {
    await createCategory(db, "notified");
    await saveModerationRules(db, { newAccountDays: 0, words: [], burstMax: 100, burstMinutes: 1 });
    const moderator = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "moderator" }],
    });
    const author = await signedInAgent(app, database);
    const opened = await author.agent.post("/en/forum/notified/threads", {
      title: "Parking near the market",
      body: "A calm opening message about parking near the market.",
    });
    const threadId = threadIdOf(opened.headers.location);
    await author.agent.post(`/en/forum/threads/${threadId}/replies`, { body: "Buy cheap watches here." });
    const post = await latestPost(db, threadId);
    const hidden = await moderator.agent.post(`/en/moderation/items/forum_post/${post.id}`, {
      decision: "hide",
      reason: "Advertising.",
    });
    expect(hidden.statusCode).toBe(303);
    const page = await author.agent.get("/en/notifications");
    expect(items(page.body)[0]).toContain("Your contribution was hidden. Reason: Advertising.");
    expect(page.body).toMatch(new RegExp(`href="/en/forum/threads/${threadId}[^"]*"`));
    expect(items((await author.agent.get("/fr/notifications")).body)[0]).toContain("Motif : Advertising.");
  });

  it("is in the person's data export, and deleted with their account", async () => {
    const { agent: person, account, case: c } = await answeredRequest();
    const parts = await collectAccountData(db, account.id, app.features);
    const part = parts.find((p) => p.name === "notifications");
    expect(part?.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "request-update",
          params: { notice: "replied", reference: c.reference },
          link: `/requests/${c.id}`,
        }),
      ]),
    );
    const deleted = await person.post("/en/account/delete", { mode: "remove", confirm: TEST_PASSWORD });
    expect(deleted.statusCode).toBe(303);
    expect(await db.select().from(notifications).where(eq(notifications.accountId, account.id))).toEqual([]);
  });
});

describe("the notifications retention rule", () => {
  it("purges notifications 180 days after they arrive, read or not, and is shown on the personal-data notice", async () => {
    const { account } = await signedInAgent(app, database);
    const NOW = new Date("2031-06-15T02:30:00Z");
    const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
    const row = (reference: string, createdAt: Date, readAt: Date | null) => ({
      accountId: account.id,
      kind: "request-update",
      params: { notice: "inProgress", reference },
      link: "/requests",
      createdAt,
      readAt,
    });
    await db
      .insert(notifications)
      .values([
        row("OLD-UNREAD", daysAgo(181), null),
        row("OLD-READ", daysAgo(200), daysAgo(199)),
        row("RECENT", daysAgo(179), null),
      ]);
    // Only this feature's rule: the others' (sessions) would end this file's signed-in agents.
    const figures = await applyRetention(db, NOW, [notificationsManifest]);
    expect(figures.notifications).toBeGreaterThanOrEqual(2);
    const left = await db.select().from(notifications).where(eq(notifications.accountId, account.id));
    expect(left.map((n) => n.params.reference)).toEqual(["RECENT"]);

    const notice = await new Agent(app).get("/en/legal/privacy");
    expect(notice.body).toContain("Your notifications (what they were about, when you read them)");
    expect(notice.body).toContain("180 days after they arrive");
  });
});

const stranger = await signedInAgent(app, database);
await notify(db, stranger.account.id, "request-update", {
  params: { notice: "inProgress", reference: "STRANGER" },
  link: "/requests",
});
const [strangers] = await db
  .select()
  .from(notifications)
  .where(eq(notifications.accountId, stranger.account.id));
const othersNotification = strangers!.id;

roleMatrix("notification centre", testApp, [
  { method: "GET", url: "/en/notifications", expect: { anonymous: 303, otherwise: 200 } },
  { method: "POST", url: "/en/notifications/read-all", expect: { anonymous: 303, otherwise: 303 } },
  {
    // Someone else's notification: not found for everyone signed in.
    method: "POST",
    url: () => `/en/notifications/${othersNotification}/read`,
    expect: { anonymous: 303, otherwise: 404 },
  },
]);
