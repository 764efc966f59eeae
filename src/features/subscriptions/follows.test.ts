import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount, signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { mailsTo } from "../../../test/mail.js";
import { savePreferences } from "../../../test/preferences.js";
import { notifyFollowers } from "../consultations/commands/notify.js";
import { sendPhaseNotices } from "../consultations/jobs/phase-notices.js";
import { createTestConsultation } from "../consultations/testing.js";
import { createCategory, threadIdOf } from "../forum/testing.js";
import { ideaIdOf, submitIdeaAs } from "../ideas/testing.js";
import { saveModerationRules } from "../moderation/rules.js";
import { addFollow, digestChoice } from "./commands.js";
import { runDigest, sendInstantNotices } from "./digests.js";
import { subscriptions } from "./tables.js";

/** Consultations, ideas and forum threads are followed through the one subscriptions hub. */
const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
await createCategory(db, "transport");
await saveModerationRules(db, { newAccountDays: 0, words: [], burstMax: 100, burstMinutes: 1 });
const URL = "https://sharek.tn";

/** The e-mail rhythm of news, set where the notification preferences page keeps it. */
const newsByEmail = (accountId: string, frequency: "instant" | "daily") =>
  digestChoice.save(db, accountId, { centre: true, email: true, sms: false, frequency });

async function follows(accountId: string, kind: string) {
  return db
    .select({ target: subscriptions.target })
    .from(subscriptions)
    .where(and(eq(subscriptions.accountId, accountId), eq(subscriptions.kind, kind)));
}

describe("following a consultation", () => {
  it("from its page shows in my subscriptions, where I can stop following it", async () => {
    const { consultation: c } = await createTestConsultation(db, { title: "Plan de mobilité douce" });
    const { agent, account } = await signedInAgent(app, database);
    expect((await agent.post(`/fr/consultations/${c.id}/follow`, { follow: "yes" })).statusCode).toBe(303);
    const mine = await agent.get("/fr/subscriptions");
    expect(mine.body).toContain(
      `Consultation · <a class="sh-link" href="/fr/consultations/${c.id}">Plan de mobilité douce</a>`,
    );
    const followForm = `action="/fr/consultations/${c.id}/follow" class="sh-inline-form" novalidate><input type="hidden" name="_csrf"`;
    const page = (await agent.get(`/fr/consultations/${c.id}`)).body;
    expect(page).toContain(followForm);
    expect(page).toContain('name="follow" value="no"');

    await agent.post("/fr/subscriptions/unfollow", { kind: "consultation", target: c.id });
    expect(await follows(account.id, "consultation")).toEqual([]);
    expect((await agent.get("/fr/subscriptions")).body).not.toContain("Plan de mobilité douce");
    expect((await agent.get(`/fr/consultations/${c.id}`)).body).toContain('name="follow" value="yes"');
  });

  it("is refused for a draft through the subscriptions form", async () => {
    const { consultation: draft } = await createTestConsultation(db, { phase: "draft", title: "Brouillon" });
    const { agent, account } = await signedInAgent(app, database);
    await agent.post("/fr/subscriptions/follow", { kind: "consultation", target: draft.id });
    await agent.post("/fr/subscriptions/follow", { kind: "idea", target: "not-an-id" });
    expect(await follows(account.id, "consultation")).toEqual([]);
    expect(await follows(account.id, "idea")).toEqual([]);
  });

  it("brings its phase change and its outcome to a daily follower in the digest, not at once", async () => {
    const { consultation: c } = await createTestConsultation(db, { title: "Stationnement" });
    const daily = await createAccount(database, {});
    await newsByEmail(daily.id, "daily");
    await addFollow(db, daily.id, "consultation", c.id);
    const instant = await createAccount(database, {});
    await newsByEmail(instant.id, "instant");
    await addFollow(db, instant.id, "consultation", c.id);

    // It closes on its date, then its outcome is published.
    await sendPhaseNotices(db, new Date(c.closesAt.getTime() + 60_000));
    await notifyFollowers(db, { ...c, outcomePublishedAt: new Date() }, "outcome");
    await sendInstantNotices(db, URL);
    expect(await mailsTo(database, daily.email!)).toEqual([]);
    expect((await mailsTo(database, instant.email!)).map((m) => m.subject).sort()).toEqual([
      "جديد: استشارة مغلقة: مشروع قرار حول المساحات الخضراء",
      "جديد: نُشرت النتيجة: مشروع قرار حول المساحات الخضراء",
    ]);

    // Tomorrow's daily digest brings both, in one mail.
    const result = await runDigest(db, "daily", new Date(Date.now() + 86_400_000), URL);
    expect(result.mails).toBeGreaterThanOrEqual(1);
    const digest = await mailsTo(database, daily.email!);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.textBody).toContain("استشارة مغلقة: مشروع قرار حول المساحات الخضراء");
    expect(digest[0]!.textBody).toContain("نُشرت النتيجة");
    expect(digest[0]!.textBody).toContain(`${URL}/ar/consultations/${c.id}`);
    // The instant follower is not mailed twice.
    expect(await mailsTo(database, instant.email!)).toHaveLength(2);
  });
});

describe("following an idea", () => {
  it("brings a status change at once to an instant follower, with the answer, but not to the official", async () => {
    const { agent: author, account: authorAccount } = await signedInAgent(app, database);
    const id = ideaIdOf(
      (
        await submitIdeaAs(testApp, author, {
          title: "Fontaines d’eau potable au parc du Belvédère",
          description:
            "Les familles passent l’après-midi au parc sans pouvoir boire : deux fontaines suffiraient.",
          structure: "mun-tn-11",
          area: "TN-11",
        })
      ).headers.location,
    );
    // The author follows their idea, in the hub.
    expect(await follows(authorAccount.id, "idea")).toEqual([{ target: id }]);
    const { agent: follower, account } = await signedInAgent(app, database);
    expect((await savePreferences(follower, "fr", { "followed-news.frequency": "instant" })).statusCode).toBe(
      303,
    );
    await follower.post(`/fr/ideas/${id}/follow`, { follow: "1" });
    const mine = await follower.get("/fr/subscriptions");
    expect(mine.body).toContain("Idée · ");
    expect(mine.body).toContain("Fontaines d’eau potable au parc du Belvédère");

    const { agent: official, account: officialAccount } = await signedInAgent(app, database, {
      roles: [{ structure: "mun-tn-11", role: "agent" }],
    });
    await newsByEmail(officialAccount.id, "instant");
    await addFollow(db, officialAccount.id, "idea", id);
    const done = await official.post(`/fr/ideas/${id}/status`, {
      status: "accepted",
      body: "Deux fontaines seront posées en mars.",
    });
    expect(done.statusCode).toBe(303);
    await sendInstantNotices(db, URL);
    const [mail] = await mailsTo(database, account.email!);
    expect(mail?.subject).toContain("مقبولة");
    expect(mail?.textBody).toContain("Deux fontaines seront posées en mars.");
    expect(mail?.textBody).toContain(`${URL}/ar/ideas/${id}`);
    // The author chose nothing: weekly, so nothing yet. The official who answered is not told.
    expect(await mailsTo(database, authorAccount.email!)).toEqual([]);
    expect(await mailsTo(database, officialAccount.email!)).toEqual([]);
    // The site channel shows it too.
    expect((await follower.get("/fr/subscriptions")).body).toContain(
      "Idée « Fontaines d’eau potable au parc du Belvédère » : Acceptée",
    );
  });
});

describe("following a forum thread", () => {
  it("shows in my subscriptions, and a reply reaches an instant follower once an hour at most", async () => {
    const { agent: starter, account: starterAccount } = await signedInAgent(app, database);
    expect((await savePreferences(starter, "fr", { "followed-news.frequency": "instant" })).statusCode).toBe(
      303,
    );
    const id = threadIdOf(
      (
        await starter.post("/fr/forum/transport/threads", {
          title: "Pistes cyclables vers la Marsa",
          body: "Où en est le projet de piste cyclable ?",
        })
      ).headers.location,
    );
    expect((await starter.get("/fr/subscriptions")).body).toContain("Pistes cyclables vers la Marsa");
    const { agent: other } = await signedInAgent(app, database);
    await other.post(`/fr/forum/threads/${id}/replies`, { body: "Je me pose la même question." });
    await other.post(`/fr/forum/threads/${id}/replies`, { body: "Et pour la ligne TGM aussi." });
    await sendInstantNotices(db, URL);
    expect(await mailsTo(database, starterAccount.email!)).toHaveLength(1);
  });
});

describe("the subscriptions page's labels", () => {
  it("name every kind a feature lets people follow, in each language", async () => {
    const { FEATURES } = await import("../index.js");
    const { translator } = await import("../../core/i18n/catalog.js");
    const kinds = FEATURES.flatMap((f) => (f.followable ?? []).map((k) => k.kind));
    expect(kinds).toContain("result");
    for (const locale of ["ar", "fr", "en"] as const) {
      const t = translator(locale);
      const missing = kinds.filter(
        (kind) => t(`subscriptions.kind.${kind}`) === `subscriptions.kind.${kind}`,
      );
      expect(missing, locale).toEqual([]);
    }
  });
});
