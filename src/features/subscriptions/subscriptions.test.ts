import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount, signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { mailsTo } from "../../../test/mail.js";
import { savePreferences } from "../../../test/preferences.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { settingsFor } from "./commands.js";
import { digestPeriod, runDigest, sendInstantNotices } from "./digests.js";
import { publishNotice } from "./notices.js";
import { notices, subscriberSettings, subscriptions } from "./tables.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;

roleMatrix("subscriptions", testApp, [
  { method: "GET", url: "/fr/subscriptions", expect: { anonymous: 303, otherwise: 200 } },
  {
    method: "POST",
    url: "/fr/subscriptions/follow",
    form: { kind: "governorate", target: "TN-11" },
    expect: { otherwise: 303 },
  },
  {
    method: "POST",
    url: "/fr/subscriptions/unfollow",
    form: { kind: "governorate", target: "TN-11" },
    expect: { otherwise: 303 },
  },
  {
    method: "POST",
    url: "/fr/subscriptions/settings",
    form: { newsletter: "yes" },
    expect: { otherwise: 303 },
  },
]);

describe("following", () => {
  it("follows a governorate and a theme, refuses unknown ones, and saves the rhythm", async () => {
    const { agent, account } = await signedInAgent(app, database);
    await agent.post("/fr/subscriptions/follow", { kind: "governorate", target: "TN-61" });
    await agent.post("/fr/subscriptions/follow", { kind: "theme", target: "water" });
    await agent.post("/fr/subscriptions/follow", { kind: "theme", target: "no-such-theme" });
    await agent.post("/fr/subscriptions/follow", { kind: "planet", target: "mars" });
    const rows = await db.select().from(subscriptions).where(eq(subscriptions.accountId, account.id));
    expect(rows.map((r) => `${r.kind}:${r.target}`).sort()).toEqual(["governorate:TN-61", "theme:water"]);
    // The rhythm is chosen on the notification preferences page; the newsletter here.
    expect((await savePreferences(agent, "fr", { "followed-news.frequency": "instant" })).statusCode).toBe(
      303,
    );
    expect((await agent.post("/fr/subscriptions/settings", { newsletter: "yes" })).statusCode).toBe(303);
    const settings = await settingsFor(db, account.id);
    expect(settings.email).toBe("instant");
    expect(settings.newsletter).toBe(true);
    const page = await agent.get("/fr/subscriptions");
    // The page says the rhythm, and where to change it, with no form of its own for it.
    expect(page.body).toContain(
      "Les nouvelles de ce que vous suivez vous parviennent par courriel tout de suite.",
    );
    expect(page.body).toContain('href="/fr/notifications/preferences#followed-news-title"');
    expect(page.body).not.toContain('name="email"');
    // A rhythm posted here (an old form) changes nothing; the newsletter choice still saves.
    await agent.post("/fr/subscriptions/settings", { email: "weekly", newsletter: "" });
    expect(await settingsFor(db, account.id)).toMatchObject({ email: "instant", newsletter: false });
    await savePreferences(agent, "fr", { "followed-news.channels": ["centre"] });
    expect((await agent.get("/fr/subscriptions")).body).toContain(
      "Les nouvelles de ce que vous suivez ne vous parviennent pas par courriel",
    );
    expect(page.body).toContain("Sfax");
    expect(page.body).toContain("Eau et assainissement");
  });
});

async function subscriber(frequency: "instant" | "daily" | "weekly", target: string) {
  const account = await createAccount(database, {});
  await settingsFor(db, account.id);
  await db
    .update(subscriberSettings)
    .set({ email: frequency })
    .where(eq(subscriberSettings.accountId, account.id));
  await db.insert(subscriptions).values({ accountId: account.id, kind: "governorate", target });
  return account;
}

describe("digests", () => {
  it("builds a weekly digest in batches, once per week, with each person's news only", async () => {
    const now = new Date("2026-11-30T09:00:00Z"); // a Monday
    const { start } = digestPeriod("weekly", now);
    expect(start.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await subscriber("weekly", i < 3 ? "TN-51" : "TN-71"));
    const other = await subscriber("daily", "TN-51");
    await publishNotice(db, {
      kind: "governorate",
      target: "TN-51",
      title: { fr: "Formation à Sousse" },
      path: "/events/a",
    });
    await db.update(notices).set({ createdAt: new Date("2026-11-25T10:00:00Z") });
    const result = await runDigest(db, "weekly", now, "https://sharek.tn", 2);
    expect(result.mails).toBe(3);
    expect(result.batches).toBeGreaterThanOrEqual(3);
    const [mail] = await mailsTo(database, people[0]!.email!);
    expect(mail!.textBody).toContain("Formation à Sousse");
    expect(mail!.textBody).toContain("https://sharek.tn/ar/events/a");
    expect(await mailsTo(database, people[4]!.email!)).toEqual([]);
    expect(await mailsTo(database, other.email!)).toEqual([]);
    // The same week again: nothing more.
    expect(
      (await runDigest(db, "weekly", new Date("2026-12-01T09:00:00Z"), "https://sharek.tn", 2)).mails,
    ).toBe(0);
  });

  it("sends instant news once", async () => {
    const person = await subscriber("instant", "TN-32");
    await publishNotice(db, {
      kind: "governorate",
      target: "TN-32",
      title: { ar: "يوم إعلامي بجندوبة" },
      path: "/events/b",
    });
    await sendInstantNotices(db, "https://sharek.tn");
    await sendInstantNotices(db, "https://sharek.tn");
    const mails = await mailsTo(database, person.email!);
    expect(mails.length).toBe(1);
    expect(mails[0]!.subject).toContain("يوم إعلامي بجندوبة");
  });
});
