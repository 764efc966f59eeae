import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Agent } from "../../../../test/app.js";
import { mailsTo } from "../../../../test/mail.js";
import { sendRequestForm } from "../../../../test/request-form.js";
import { formatDate } from "../../../core/i18n/format.js";
import { afterCalendarDays } from "../access-law.js";
import { cases } from "../tables.js";
import { staffPeople, staffTestApp } from "../workspace/testing.js";
import { runDeadlineJob } from "./deadlines.js";
import { ENV } from "./testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const HOUR = 3600_000;

/**
 * A person without an account files an access-to-information request with the Ministry of Health,
 * on the Arabic form: the mails about it are in the language it was filed in.
 */
async function fileInformationRequest(email: string) {
  const citizen = new Agent(app);
  const filed = await sendRequestForm(app, citizen, "ar", {
    type: "information",
    structure: "min-health",
    accessTrack: "standard",
    subject: "Budget des hôpitaux régionaux",
    description: "Je demande le budget 2025 de chaque hôpital régional, par poste de dépense.",
    contactMode: "email",
    contactEmail: email,
  });
  expect(filed.statusCode).toBe(303);
  const follow = (filed.headers.location as string).split("?")[0]!;
  const [row] = await db.select().from(cases).where(eq(cases.contactEmail, email));
  return { citizen, follow, c: row! };
}

/** The silence mails to a requester, newest first: in Arabic, the language the request was filed in. */
const silenceMails = async (email: string) =>
  (await mailsTo(database, email)).filter((m) => m.subject.includes("في الأجل القانوني"));

describe("the body's silence on an access-to-information request", () => {
  it("tells the requester once that silence is a refusal, with the appeal routes and their dates", async () => {
    const email = `silence.${Date.now()}@example.tn`;
    const { c } = await fileInformationRequest(email);
    expect(c.dueAt).not.toBeNull();

    // The day before the limit ends: nothing yet.
    await runDeadlineJob(db, new Date(c.dueAt!.getTime() - 12 * HOUR), ENV);
    expect(await silenceMails(email)).toEqual([]);

    // An hour after the limit, two runs (as the cron would): one mail.
    const after = new Date(c.dueAt!.getTime() + HOUR);
    const first = await runDeadlineJob(db, after, ENV);
    const second = await runDeadlineJob(db, new Date(after.getTime() + 5 * 60_000), ENV);
    expect([first.silences, second.silences]).toEqual([1, 0]);
    const mails = await silenceMails(email);
    expect(mails).toHaveLength(1);
    const text = mails[0]!.textBody;
    expect(mails[0]!.subject).toBe(`لم يصلك رد على مطلبك ${c.reference} في الأجل القانوني: يمكنك التظلم`);
    expect(text).toContain("يعتبر القانون الأساسي عدد 22 لسنة 2016 هذا السكوت رفضًا");
    // The head of the body within 20 days of the limit's end (article 29), then the INAI (article 30).
    const headUntil = formatDate(afterCalendarDays(c.dueAt!, 20), "ar");
    expect(text).toContain(`لدى رئيس الهيكل، في أجل 20 يومًا، أي قبل ${headUntil} (الفصل 29)`);
    expect(text).toContain("ثم لدى هيئة النفاذ إلى المعلومة");
    expect(text).toContain("المحكمة الإدارية");

    // Staff see on the request's timeline that the requester was told.
    const page = await people.platformAdmin.agent.get(`/fr/staff/requests/${c.id}`);
    expect(page.body).toContain("le demandeur a été informé que la loi assimile ce silence à un refus");
  });

  it("tells the head's silence on the appeal in turn, with the INAI as the route now open", async () => {
    const email = `appeal-silence.${Date.now()}@example.tn`;
    const { citizen, follow, c } = await fileInformationRequest(email);
    // Three weeks on (the follow page reads the wall clock): the limit ended an hour ago.
    await db
      .update(cases)
      .set({ dueAt: new Date(Date.now() - HOUR) })
      .where(eq(cases.id, c.id));
    await runDeadlineJob(db, new Date(), ENV);
    expect(await silenceMails(email)).toHaveLength(1);

    // The requester appeals to the head of the body from the follow page.
    const appeal = await citizen.post(`${follow}/reopen`, { reason: "Aucune réponse dans le délai légal." });
    expect(appeal.statusCode).toBe(303);
    const [appealed] = await db.select().from(cases).where(eq(cases.id, c.id));
    expect(appealed!.appealLevel).toBe(1);

    const late = new Date(appealed!.dueAt!.getTime() + HOUR);
    await runDeadlineJob(db, late, ENV);
    await runDeadlineJob(db, late, ENV);
    const mails = await silenceMails(email);
    expect(mails).toHaveLength(2);
    const newest = mails[0]!.textBody;
    const inaiUntil = formatDate(afterCalendarDays(appealed!.dueAt!, 20), "ar");
    expect(newest).toContain(`لدى هيئة النفاذ إلى المعلومة، في أجل 20 يومًا، أي قبل ${inaiUntil} (الفصل 30)`);
    expect(newest).not.toContain("رئيس الهيكل، في أجل 20 يومًا، أي قبل");
  });

  it("does not mail a silence whose appeal can no longer be filed, nor a request answered in time", async () => {
    const email = `old.${Date.now()}@example.tn`;
    const { c } = await fileInformationRequest(email);
    // First run 21 days after the limit (the job was down): the head's 20 days are over.
    await runDeadlineJob(db, new Date(c.dueAt!.getTime() + 21 * 24 * HOUR + HOUR), ENV);
    expect(await silenceMails(email)).toEqual([]);

    const answeredEmail = `answered.${Date.now()}@example.tn`;
    const answered = await fileInformationRequest(answeredEmail);
    const close = await people.platformAdmin.agent.post(`/fr/staff/requests/${answered.c.id}/close`, {
      outcome: "granted",
      message: "Le budget est joint.",
    });
    expect(close.statusCode).toBe(303);
    await runDeadlineJob(db, new Date(answered.c.dueAt!.getTime() + HOUR), ENV);
    expect(await silenceMails(answeredEmail)).toEqual([]);
  });
});
