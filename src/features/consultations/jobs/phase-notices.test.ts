import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { outboxMessages } from "../../../core/mail/tables.js";
import { consultationFollowers, consultations } from "../tables.js";
import { createTestConsultation } from "../testing.js";
import { sendPhaseNotices } from "./phase-notices.js";

const { database } = await createTestApp();
const db = database.db;
const DAY = 24 * 3600_000;

async function mailsTo(email: string) {
  return (await db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email))).map(
    (m) => m.subject,
  );
}

describe("phase notices", () => {
  it("tell followers once that a consultation opened, then once that it closed, on its dates", async () => {
    const { consultation: c } = await createTestConsultation(db, { phase: "announced", title: "Marchés" });
    const follower = await createAccount(database, { email: `follower.${Date.now()}@example.tn` });
    await db.insert(consultationFollowers).values({ consultationId: c.id, accountId: follower.id });

    // Before its opening date: nothing.
    await sendPhaseNotices(db, new Date(), "https://sharek.tn");
    expect(await mailsTo(follower.email!)).toEqual([]);

    const opened = new Date(c.opensAt.getTime() + 60_000);
    // Two workers at once send one notice.
    await Promise.all([
      sendPhaseNotices(db, opened, "https://sharek.tn"),
      sendPhaseNotices(db, opened, "https://sharek.tn"),
    ]);
    await sendPhaseNotices(db, new Date(opened.getTime() + DAY), "https://sharek.tn");
    expect(await mailsTo(follower.email!)).toEqual(["استشارة مفتوحة: مشروع قرار حول المساحات الخضراء"]);

    await sendPhaseNotices(db, new Date(c.closesAt.getTime() + 60_000), "https://sharek.tn");
    await sendPhaseNotices(db, new Date(c.closesAt.getTime() + DAY), "https://sharek.tn");
    expect(await mailsTo(follower.email!)).toHaveLength(2);
    expect((await mailsTo(follower.email!))[1]).toContain("استشارة مغلقة");
    const [mail] = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, follower.email!));
    expect(mail!.textBody).toContain(`https://sharek.tn/ar/consultations/${c.id}`);
  });

  it("say nothing of drafts, nor of consultations whose outcome is published", async () => {
    const draft = await createTestConsultation(db, { phase: "draft" });
    const decided = await createTestConsultation(db, { phase: "analysis" });
    await db
      .update(consultations)
      .set({ outcomePublishedAt: new Date() })
      .where(eq(consultations.id, decided.consultation.id));
    const follower = await createAccount(database, { email: `quiet.${Date.now()}@example.tn` });
    for (const c of [draft.consultation, decided.consultation])
      await db.insert(consultationFollowers).values({ consultationId: c.id, accountId: follower.id });
    await sendPhaseNotices(db, new Date(Date.now() + 100 * DAY), "https://sharek.tn");
    expect(await mailsTo(follower.email!)).toEqual([]);
  });
});
