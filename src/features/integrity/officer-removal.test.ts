import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { ANONYMOUS } from "../../core/authz/actor.js";
import { memberships } from "../../core/authz/tables.js";
import { revokeMembership } from "../staff/commands/revoke-membership.js";
import { unseal } from "./crypto.js";
import { officerKeyRing } from "./report-keys.js";
import { findReportByReceipt } from "./reports.js";
import {
  integrityAttachments,
  integrityKeyRecipients,
  integrityMessages,
  integrityReportKeys,
  integrityReports,
} from "./tables.js";
import { Agent, officer, receiptIn, submitReportForm, validReport, whistleblowerReply } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const { db } = database;

/** Every sealed thing in the database: report keys (to officers and to whistleblowers), contents, messages. */
async function everySealedBlob(): Promise<string[]> {
  const keys = await db.select().from(integrityKeyRecipients);
  const reportKeys = await db.select().from(integrityReportKeys);
  const reports = await db.select().from(integrityReports);
  const messages = await db.select().from(integrityMessages);
  const attachments = await db.select().from(integrityAttachments);
  return [
    ...keys.map((k) => k.sealedKey),
    ...reportKeys.flatMap((k) => (k.whistleblowerSealed ? [k.whistleblowerSealed] : [])),
    ...reports.flatMap((r) => [r.content, ...(r.identity ? [r.identity] : [])]),
    ...messages.map((m) => m.body),
    ...attachments.map((a) => a.meta),
  ];
}

describe("integrity: an officer leaves", async () => {
  const leaving = await officer(testApp);
  const staying = await officer(testApp);
  const first = receiptIn(
    (
      await submitReportForm(
        app,
        new Agent(app),
        validReport({ what: "Premier signalement, avant le départ.", identity: "Témoin A" }),
      )
    ).body,
  );
  const report = (await findReportByReceipt(db, first))!;
  // What the departing officer could have kept: their own keypair and the report keys it opened.
  const keptRing = await officerKeyRing(db, report.id, leaving.account.id, leaving.keys);

  it("could read the report before leaving", async () => {
    expect(keptRing.size).toBe(2); // content and identity
    const page = await leaving.agent.get(`/fr/integrity/officer/reports/${report.id}`);
    expect(page.body).toContain("Premier signalement");
  });

  it("after removal, their key material opens no open or new report; the remaining officer reads everything", async () => {
    const [membership] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.accountId, leaving.account.id), isNull(memberships.revokedAt)));
    const admin = { ...ANONYMOUS, accountId: staying.account.id, platformAdmin: true };
    expect(
      await revokeMembership(
        db,
        app.features,
        { ...membership!, structureId: membership!.structureId },
        { actor: admin },
      ),
    ).toBe(true);

    // Nothing stays sealed to them.
    expect(
      await db
        .select()
        .from(integrityKeyRecipients)
        .where(eq(integrityKeyRecipients.accountId, leaving.account.id)),
    ).toEqual([]);
    expect((await officerKeyRing(db, report.id, leaving.account.id, leaving.keys)).size).toBe(0);

    // What is written after they left is out of reach even of the report keys they could have kept.
    const answer = "Un message écrit après le départ de l’officier.";
    expect((await whistleblowerReply(app, new Agent(app), first, answer)).statusCode).toBe(200);
    const second = receiptIn(
      (
        await submitReportForm(
          app,
          new Agent(app),
          validReport({ what: "Un second signalement, après le départ." }),
        )
      ).body,
    );
    const [message] = await db
      .select()
      .from(integrityMessages)
      .where(eq(integrityMessages.reportId, report.id));
    for (const pair of keptRing.values()) expect(unseal(message!.body, pair)).toBeNull();
    const secondReport = (await findReportByReceipt(db, second))!;
    expect(unseal(secondReport.content, leaving.keys)).toBeNull();
    for (const pair of keptRing.values()) expect(unseal(secondReport.content, pair)).toBeNull();
    // Their own keypair opens no sealed thing left in the database.
    for (const blob of await everySealedBlob()) expect(unseal(blob, leaving.keys)).toBeNull();

    // And the pages are closed to them.
    expect((await leaving.agent.get(`/fr/integrity/officer/reports/${report.id}`)).statusCode).toBe(403);

    // The officer who stays reads the old report, the new message, the identity, and the new report.
    const old = await staying.agent.get(`/fr/integrity/officer/reports/${report.id}`);
    expect(old.body).toContain("Premier signalement");
    expect(old.body).toContain("Témoin A");
    expect(old.body).toContain(answer);
    const fresh = await staying.agent.get(`/fr/integrity/officer/reports/${secondReport.id}`);
    expect(fresh.body).toContain("Un second signalement");
    const [{ generations }] = (await database.query<{ generations: number }>(
      "select count(*)::int as generations from integrity_report_keys where report_id = $1 and purpose = 'content'",
      [report.id],
    )) as [{ generations: number }];
    expect(generations).toBe(2);
  });

  it("an officer who joins later gets the keys re-sealed to them when a colleague opens the report", async () => {
    const newcomer = await officer(testApp, HOME_STRUCTURE);
    const before = await newcomer.agent.get(`/fr/integrity/officer/reports/${report.id}`);
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain("Premier signalement");
    await staying.agent.get(`/fr/integrity/officer/reports/${report.id}`);
    const after = await newcomer.agent.get(`/fr/integrity/officer/reports/${report.id}`);
    expect(after.body).toContain("Premier signalement");
    expect(after.body).toContain("Un message écrit après le départ");
  });
});
