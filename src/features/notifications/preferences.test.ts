import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { mailsTo } from "../../../test/mail.js";
import { sendRequestForm } from "../../../test/request-form.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { accounts } from "../../core/auth/tables.js";
import { notificationPreferences, notifications } from "../../core/notifications/tables.js";
import { smsMessages } from "../../core/sms/tables.js";
import { accountPhoneChecks } from "../accounts/tables.js";
import { staffPeople, staffTestApp } from "../cases/workspace/testing.js";
import { subscriberSettings } from "../subscriptions/tables.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

/** The form as the page shows it by default, with some fields changed. */
const form = (changes: Record<string, string | string[]> = {}) => ({
  "request-update.channels": ["centre", "email"],
  "followed-request.channels": ["centre", "email"],
  "followed-news.channels": ["centre", "email"],
  "followed-news.frequency": "weekly",
  "moderation-decision.channels": ["centre", "email"],
  ...changes,
});

/** A citizen with these preferences files a request; the agent answers it. */
async function replyTo(changes: Record<string, string | string[]>, phone?: string) {
  const citizen = await signedInAgent(app, database);
  // Mails and SMS speak the account's language.
  await db.update(accounts).set({ locale: "en" }).where(eq(accounts.id, citizen.account.id));
  if (phone) {
    await db.update(accounts).set({ phone }).where(eq(accounts.id, citizen.account.id));
    await db
      .insert(accountPhoneChecks)
      .values({ accountId: citizen.account.id, phone, verifiedPhone: phone, verifiedAt: new Date() });
  }
  await citizen.agent.get("/en/notifications/preferences");
  const saved = await citizen.agent.post("/en/notifications/preferences", form(changes));
  expect(saved.statusCode).toBe(303);
  const filed = await sendRequestForm(app, citizen.agent, "en", {
    type: "complaint",
    structure: "gov-tn-11",
    subject: "Overflowing bins in Rue de Rome",
    description: "The bins of Rue de Rome have not been emptied for a week and smell in the heat.",
    governorate: "TN-11",
  });
  expect(filed.statusCode).toBe(303);
  const [c] = await database.query<{ id: string; reference: string }>(
    "select id, reference from cases where submitter_id = $1",
    [citizen.account.id],
  );
  const before = await mailsTo(database, citizen.account.email!);
  const reply = await people.agent.agent.post(`/en/staff/requests/${c!.id}/reply`, {
    body: "The bins are emptied tomorrow morning.",
  });
  expect(reply.statusCode).toBe(303);
  const replyMails = (await mailsTo(database, citizen.account.email!)).filter(
    (m) => !before.some((b) => b.id === m.id),
  );
  const told = await db.select().from(notifications).where(eq(notifications.accountId, citizen.account.id));
  return { ...citizen, case: c!, replyMails, told };
}

describe("notification preferences", () => {
  it("shows each kind with its channels, the centre and e-mail on by default, and news weekly", async () => {
    const { agent } = await signedInAgent(app, database);
    const page = await agent.get("/en/notifications/preferences");
    expect(page.statusCode).toBe(200);
    for (const label of [
      "Replies and status changes of your requests",
      "News of what you follow (consultations, ideas, results, events)",
      "Moderation decisions about what you posted",
    ])
      expect(page.body).toContain(label);
    /** The page's choices as "name=value", with " checked" when they are. */
    const inputs = [
      ...page.body.matchAll(
        /<input class="sh-choices__input"[^>]*name="([^"]+)" value="([^"]+)"( checked)?/g,
      ),
    ].map((m) => `${m[1]}=${m[2]}${m[3] ?? ""}`);
    // SMS is offered for requests only; rhythms for followed news only.
    expect(inputs).toEqual([
      "request-update.channels=centre checked",
      "request-update.channels=email checked",
      "request-update.channels=sms",
      "followed-request.channels=centre checked",
      "followed-request.channels=email checked",
      "followed-news.channels=centre checked",
      "followed-news.channels=email checked",
      "followed-news.frequency=instant",
      "followed-news.frequency=daily",
      "followed-news.frequency=weekly checked",
      "moderation-decision.channels=centre checked",
      "moderation-decision.channels=email checked",
    ]);
  });

  it("e-mail off for replies: the agent's reply queues no mail, and the notification is there", async () => {
    const { agent, case: c, replyMails, told } = await replyTo({ "request-update.channels": ["centre"] });
    expect(replyMails).toEqual([]);
    expect(told.map((n) => n.params.reference)).toContain(c.reference);
    expect((await agent.get("/en/notifications")).body).toContain(
      `Your request ${c.reference} has been answered`,
    );
  });

  it("with the defaults the reply is mailed as before; with the centre off it is mailed only", async () => {
    const mailed = await replyTo({});
    expect(mailed.replyMails.map((m) => m.subject)).toContain(
      `Your request ${mailed.case.reference} has been answered`,
    );
    expect(mailed.told).toHaveLength(1);
    const mailOnly = await replyTo({ "request-update.channels": ["email"] });
    expect(mailOnly.replyMails).toHaveLength(1);
    expect(mailOnly.told).toEqual([]);
  });

  it("SMS for replies texts the checked phone number the reference at filing, then the notice and the request's page", async () => {
    const phone = "+21620555123";
    const { case: c } = await replyTo({ "request-update.channels": ["centre", "sms"] }, phone);
    const texts = (await db.select().from(smsMessages).where(eq(smsMessages.toNumber, phone))).sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
    );
    expect(texts.map((t) => t.body)).toEqual([
      `Sharek: your request ${c.reference} was received. Follow it in your account: ${app.config.publicUrl}/en/requests/${c.id}. Reply STOP to stop these SMS.`,
      expect.stringContaining(`Your request ${c.reference} has been answered`),
    ]);
    expect(texts[1]!.body).toContain(`/en/requests/${c.id}`);
    // Without SMS chosen, the same checked number gets nothing.
    const other = "+21620555124";
    await replyTo({}, other);
    expect(await db.select().from(smsMessages).where(eq(smsMessages.toNumber, other))).toEqual([]);
  });

  it("the rhythm of news by e-mail is the digests' own setting: daily, or never when e-mail is off", async () => {
    const { agent, account } = await signedInAgent(app, database);
    const setting = async () =>
      (await db.select().from(subscriberSettings).where(eq(subscriberSettings.accountId, account.id)))[0]
        ?.email;
    await agent.get("/en/notifications/preferences");
    await agent.post("/en/notifications/preferences", form({ "followed-news.frequency": "daily" }));
    expect(await setting()).toBe("daily");
    expect((await agent.get("/en/notifications/preferences")).body).toMatch(/value="daily"[^>]*checked/);
    await agent.post("/en/notifications/preferences", form({ "followed-news.channels": ["centre"] }));
    expect(await setting()).toBe("never");
  });

  it("refuses a rhythm not on the list with a translated 422, saving nothing", async () => {
    const { agent, account } = await signedInAgent(app, database);
    await agent.get("/fr/notifications/preferences");
    const bad = await agent.post(
      "/fr/notifications/preferences",
      form({ "request-update.channels": ["centre"], "followed-news.frequency": "hourly" }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("Choisissez un rythme dans la liste.");
    expect(
      await db
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.accountId, account.id)),
    ).toEqual([]);
    const forged = await agent.post("/fr/notifications/preferences", form(), { csrf: false });
    expect(forged.statusCode).toBe(403);
  });
});

roleMatrix("notification preferences", testApp, [
  { method: "GET", url: "/en/notifications/preferences", expect: { anonymous: 303, otherwise: 200 } },
  {
    method: "POST",
    url: "/en/notifications/preferences",
    form: { "request-update.channels": "centre", "followed-news.frequency": "weekly" },
    expect: { anonymous: 303, otherwise: 303 },
  },
]);
