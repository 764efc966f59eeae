import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { outboxMessages } from "../../../core/mail/tables.js";
import { addFollow, digestChoice } from "../../subscriptions/commands.js";
import { sendInstantNotices } from "../../subscriptions/digests.js";
import { consultations } from "../tables.js";
import { createTestConsultation } from "../testing.js";
import { sendPhaseNotices } from "./phase-notices.js";

const { database } = await createTestApp();
const db = database.db;
const DAY = 24 * 3600_000;

/** The e-mail rhythm of news, set where the notification preferences page keeps it. */
const newsByEmail = (accountId: string, frequency: "instant" | "daily") =>
  digestChoice.save(db, accountId, { centre: true, email: true, sms: false, frequency });

/** A follower who chose to hear news at once (the subscriptions hub sends it). */
async function follower(email: string, ...consultationIds: string[]) {
  const account = await createAccount(database, { email });
  await newsByEmail(account.id, "instant");
  for (const id of consultationIds) await addFollow(db, account.id, "consultation", id);
  return account;
}

async function mailsTo(email: string) {
  await sendInstantNotices(db, "https://sharek.tn");
  return (await db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).map(
    (m) => m.subject,
  );
}

describe("phase notices", () => {
  it("tell followers once that a consultation opened, then once that it closed, on its dates", async () => {
    const { consultation: c } = await createTestConsultation(db, { phase: "announced", title: "Marchés" });
    const person = await follower(`follower.${Date.now()}@example.tn`, c.id);

    // Before its opening date: nothing.
    await sendPhaseNotices(db, new Date());
    expect(await mailsTo(person.email!)).toEqual([]);

    const opened = new Date(c.opensAt.getTime() + 60_000);
    // Two workers at once send one notice.
    await Promise.all([sendPhaseNotices(db, opened), sendPhaseNotices(db, opened)]);
    await sendPhaseNotices(db, new Date(opened.getTime() + DAY));
    expect(await mailsTo(person.email!)).toEqual(["جديد: استشارة مفتوحة: مشروع قرار حول المساحات الخضراء"]);

    await sendPhaseNotices(db, new Date(c.closesAt.getTime() + 60_000));
    await sendPhaseNotices(db, new Date(c.closesAt.getTime() + DAY));
    expect(await mailsTo(person.email!)).toHaveLength(2);
    expect((await mailsTo(person.email!))[1]).toContain("استشارة مغلقة");
    const [mail] = await db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, person.email!));
    expect(mail!.textBody).toContain(`https://sharek.tn/ar/consultations/${c.id}`);
  });

  it("say nothing of drafts, nor of consultations whose outcome is published", async () => {
    const draft = await createTestConsultation(db, { phase: "draft" });
    const decided = await createTestConsultation(db, { phase: "analysis" });
    await db
      .update(consultations)
      .set({ outcomePublishedAt: new Date() })
      .where(eq(consultations.id, decided.consultation.id));
    const person = await follower(
      `quiet.${Date.now()}@example.tn`,
      draft.consultation.id,
      decided.consultation.id,
    );
    await sendPhaseNotices(db, new Date(Date.now() + 100 * DAY));
    expect(await mailsTo(person.email!)).toEqual([]);
  });
});
