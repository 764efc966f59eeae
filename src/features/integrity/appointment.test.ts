import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent, TEST_PASSWORD } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { linkInLatestMail, mailsTo } from "../../../test/mail.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { accounts } from "../../core/auth/tables.js";
import { findReportByReceipt } from "./reports.js";
import { integrityKeyRecipients } from "./tables.js";
import { Agent, officer, receiptIn, submitReportForm, validReport } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const { db } = database;

const FIRST = "Un premier signalement, reçu avant la nomination.";
const LATER = "Un second signalement, reçu pendant l’attente.";

describe("integrity: a new officer gets keys only once a colleague approves", async () => {
  // The unit's first officer: nobody could approve, so the admin's appointment stands.
  const first = await officer(testApp, HOME_STRUCTURE, { approved: false });
  const [firstAccount] = await db.select().from(accounts).where(eq(accounts.id, first.account.id));
  const report = (await findReportByReceipt(
    db,
    receiptIn((await submitReportForm(app, new Agent(app), validReport({ what: FIRST }))).body),
  ))!;

  // A new colleague is appointed, signs in, makes their keys.
  const { agent: newcomer, account: newcomerAccount } = await signedInAgent(app, database, {
    displayName: "Nouvelle Collègue",
    roles: [{ structure: HOME_STRUCTURE, role: "integrity_officer" }],
  });

  it("lets the unit's first officer read reports without anyone's approval", async () => {
    const page = await first.agent.get(`/fr/integrity/officer/reports/${report.id}`);
    expect(page.body).toContain(FIRST);
  });

  it("gives the newcomer no key, even when colleagues open reports, and tells the colleagues", async () => {
    expect((await newcomer.get("/fr/integrity/officer/keys")).statusCode).toBe(200);
    const enrolled = await newcomer.post("/fr/integrity/officer/keys", { password: TEST_PASSWORD });
    expect(enrolled.statusCode).toBe(200);
    const queue = await newcomer.get("/fr/integrity/officer");
    expect(queue.body).toContain("Votre nomination attend d’être approuvée");

    // A colleague opens the report (which used to re-seal its keys to any officer lacking them)...
    expect((await first.agent.get(`/fr/integrity/officer/reports/${report.id}`)).body).toContain(FIRST);
    // ... and a new report comes in.
    const later = receiptIn((await submitReportForm(app, new Agent(app), validReport({ what: LATER }))).body);
    const laterReport = (await findReportByReceipt(db, later))!;
    for (const id of [report.id, laterReport.id]) {
      const page = await newcomer.get(`/fr/integrity/officer/reports/${id}`);
      expect(page.body).not.toContain(FIRST);
      expect(page.body).not.toContain(LATER);
    }
    expect(
      await db
        .select()
        .from(integrityKeyRecipients)
        .where(eq(integrityKeyRecipients.accountId, newcomerAccount.id)),
    ).toEqual([]);

    // The approved colleague was told, in their language, with a link to approve.
    const [mail] = await mailsTo(database, firstAccount!.email!);
    expect(mail!.subject).toContain("مكلّف جديد بالنزاهة");
    expect(mail!.textBody).toContain("Nouvelle Collègue");
    expect(await linkInLatestMail(database, firstAccount!.email!)).toBe("/ar/integrity/officer/colleagues");
    // Only once, however often the newcomer comes back.
    await newcomer.get("/fr/integrity/officer");
    expect(await mailsTo(database, firstAccount!.email!)).toHaveLength(1);
  });

  it("does not let the newcomer approve themselves", async () => {
    const page = await newcomer.get("/fr/integrity/officer/colleagues");
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("Approuver");
    const own = /integrity\/officer\/colleagues\/([0-9a-f-]{36})\/approve/.exec(
      (await first.agent.get("/fr/integrity/officer/colleagues")).body,
    )![1]!;
    const self = await newcomer.post(`/fr/integrity/officer/colleagues/${own}/approve`);
    expect(self.statusCode).toBe(404);
  });

  it("after an approved colleague approves (a form that works without JavaScript), the newcomer reads every report", async () => {
    const page = await first.agent.get("/fr/integrity/officer/colleagues");
    expect(page.body).toContain("Nouvelle Collègue");
    const action = /action="(\/fr\/integrity\/officer\/colleagues\/[0-9a-f-]{36}\/approve)"/.exec(
      page.body,
    )![1]!;
    const approved = await first.agent.post(action);
    expect(approved.statusCode).toBe(303);
    expect((await first.agent.get("/fr/integrity/officer/colleagues")).body).not.toContain(
      "Nouvelle Collègue",
    );

    await newcomer.get("/fr/integrity/officer/unlock");
    expect(
      (await newcomer.post("/fr/integrity/officer/unlock", { password: TEST_PASSWORD })).statusCode,
    ).toBe(303);
    const queue = await newcomer.get("/fr/integrity/officer");
    expect(queue.body).not.toContain("Votre nomination attend");
    const opened = await newcomer.get(`/fr/integrity/officer/reports/${report.id}`);
    expect(opened.body).toContain(FIRST);
    const audit = await database.query<{ action: string }>(
      "select action from audit_events where action like 'integrity.officer.%' order by action",
    );
    expect(audit.map((a) => a.action)).toEqual([
      "integrity.officer.appointment_pending",
      "integrity.officer.appointment_stands",
      "integrity.officer.approve",
    ]);
  });
});
