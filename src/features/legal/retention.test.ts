import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { auditEvents } from "../../core/audit/tables.js";
import { accountTokens, sessions } from "../../core/auth/tables.js";
import { outboxMessages } from "../../core/mail/tables.js";
import { retentionRuns } from "../../core/personal-data/tables.js";
import { dataExports } from "../accounts/tables.js";
import { cases } from "../cases/tables.js";
import { insertCase } from "../cases/workspace/testing.js";
import { integrityAttachments, integrityReports } from "../integrity/tables.js";
import { retentionPurgeJob } from "./retention-job.js";

const METRICS_TOKEN = "metrics-token-for-retention-tests";
const testApp = await createTestApp({ env: { METRICS_TOKEN } });
const { app, database } = testApp;
const db = database.db;

/** The job's clock: a fixed day, and every row below dated relative to it. */
const NOW = new Date("2031-06-15T02:30:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const run = () =>
  retentionPurgeJob.run(db, NOW, {
    publicUrl: app.config.publicUrl,
    secret: app.config.cookieSecret,
    features: app.features,
    files: app.files,
  }) as Promise<Record<string, number>>;

describe("the daily retention purge", () => {
  it("outbox: sent and failed mails go 90 days after, mails still waiting never", async () => {
    const mail = (to: string, status: "pending" | "sent" | "failed", createdAt: Date) => ({
      toAddress: to,
      subject: "s",
      textBody: "body",
      status,
      createdAt,
    });
    await db
      .insert(outboxMessages)
      .values([
        mail("old-sent@example.tn", "sent", daysAgo(91)),
        mail("old-failed@example.tn", "failed", daysAgo(200)),
        mail("recent-sent@example.tn", "sent", daysAgo(89)),
        mail("old-pending@example.tn", "pending", daysAgo(300)),
      ]);
    await run();
    const left = (await db.select().from(outboxMessages)).map((m) => m.toAddress);
    expect(left).toEqual(expect.arrayContaining(["recent-sent@example.tn", "old-pending@example.tn"]));
    expect(left).not.toContain("old-sent@example.tn");
    expect(left).not.toContain("old-failed@example.tn");
  });

  it("sessions go 30 days after they expire; expired tokens 7 days after", async () => {
    const person = await createAccount(database);
    const session = (id: string, expiresAt: Date) => ({ id, accountId: person.id, expiresAt });
    await db
      .insert(sessions)
      .values([session("expired-long-ago", daysAgo(31)), session("expired-lately", daysAgo(29))]);
    const token = (tokenHash: string, expiresAt: Date) => ({
      accountId: person.id,
      purpose: "reset_password" as const,
      tokenHash,
      expiresAt,
    });
    await db
      .insert(accountTokens)
      .values([token("token-old", daysAgo(8)), token("token-recent", daysAgo(6))]);
    await run();
    const mine = await db.select().from(sessions).where(eq(sessions.accountId, person.id));
    expect(mine.map((s) => s.id)).toEqual(["expired-lately"]);
    const tokens = await db.select().from(accountTokens).where(eq(accountTokens.accountId, person.id));
    expect(tokens.map((t) => t.tokenHash)).toEqual(["token-recent"]);
  });

  it("finished data exports go 7 days after they were ready; one still being prepared stays", async () => {
    const person = await createAccount(database);
    const other = await createAccount(database);
    const [old, recent, pending] = await db
      .insert(dataExports)
      .values([
        { accountId: person.id, status: "ready", locale: "fr", readyAt: daysAgo(8), zip: Buffer.from("PK") },
        { accountId: person.id, status: "ready", locale: "fr", readyAt: daysAgo(6), zip: Buffer.from("PK") },
        { accountId: other.id, status: "pending", locale: "fr", createdAt: daysAgo(30) },
      ])
      .returning();
    await run();
    const left = await db
      .select({ id: dataExports.id })
      .from(dataExports)
      .where(inArray(dataExports.id, [old!.id, recent!.id, pending!.id]));
    expect(left.map((r) => r.id).sort()).toEqual([recent!.id, pending!.id].sort());
  });

  it("the audit log keeps ten years, and stays append-only for everything else", async () => {
    const [ancient, kept] = await db
      .insert(auditEvents)
      .values([
        { action: "retention.test", subjectType: "test", subjectId: "ancient", at: daysAgo(3660) },
        { action: "retention.test", subjectType: "test", subjectId: "kept", at: daysAgo(3600) },
      ])
      .returning();
    await run();
    const left = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(inArray(auditEvents.id, [ancient!.id, kept!.id]));
    expect(left.map((r) => r.id)).toEqual([kept!.id]);
    // Outside the purge's own transaction, nothing may delete or rewrite an entry.
    await expect(database.query("delete from audit_events")).rejects.toThrow(/append-only/);
    await expect(database.query("update audit_events set action = 'forged'")).rejects.toThrow(/append-only/);
  });

  it("closed requests lose their contact details two years after closing; the request itself stays", async () => {
    const old = await insertCase(db, {
      status: "closed",
      closedAt: daysAgo(731),
      contactPhone: "+21620000001",
      contactAddress: "12 rue de Marseille",
    });
    const recent = await insertCase(db, { status: "closed", closedAt: daysAgo(700) });
    const open = await insertCase(db, { status: "in_progress", createdAt: daysAgo(1000) });
    await run();
    const read = async (id: string) => (await db.select().from(cases).where(eq(cases.id, id)))[0]!;
    const [a, b, c] = [await read(old.id), await read(recent.id), await read(open.id)];
    expect(a).toMatchObject({
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      contactAddress: null,
    });
    expect(a.subject).toBe(old.subject);
    expect(b.contactEmail).toBe(recent.contactEmail);
    expect(c.contactEmail).toBe(open.contactEmail);
  });

  it("closed integrity reports go five years after their last change, with their evidence files; open ones stay", async () => {
    const report = (receiptHash: string, status: "closed" | "under_review", updatedOn: string) => ({
      status,
      receivedOn: updatedOn,
      dueOn: updatedOn,
      updatedOn,
      receiptHash,
      whistleblowerSalt: "salt",
      whistleblowerPublicKey: "pk",
      contentKeyId: crypto.randomUUID(),
      content: "sealed",
    });
    const [old, recent, open] = await db
      .insert(integrityReports)
      .values([
        report("receipt-old", "closed", "2026-06-01"),
        report("receipt-recent", "closed", "2026-07-01"),
        report("receipt-open", "under_review", "2020-01-01"),
      ])
      .returning();
    await app.files.put("integrity/ab/retention-test-evidence", Buffer.from("sealed evidence"));
    await db.insert(integrityAttachments).values({
      reportId: old!.id,
      keyId: crypto.randomUUID(),
      meta: "sealed",
      originalFile: "integrity/ab/retention-test-evidence",
      addedOn: "2026-06-01",
    });
    await run();
    const left = await db
      .select({ id: integrityReports.id })
      .from(integrityReports)
      .where(inArray(integrityReports.id, [old!.id, recent!.id, open!.id]));
    expect(left.map((r) => r.id).sort()).toEqual([recent!.id, open!.id].sort());
    expect(await app.files.get("integrity/ab/retention-test-evidence")).toBeNull();
  });

  it("works in batches, reports its figures in /metrics, and a second run finds nothing left", async () => {
    await db.insert(outboxMessages).values(
      Array.from({ length: 1203 }, (_, i) => ({
        toAddress: `bulk-${i}@example.tn`,
        subject: "s",
        textBody: "b",
        status: "sent" as const,
        createdAt: daysAgo(120),
      })),
    );
    const figures = await run();
    expect(figures["outbox-mail"]).toBe(1203);
    expect((await run())["outbox-mail"]).toBe(0);
    const [row] = await db.select().from(retentionRuns).where(eq(retentionRuns.rule, "outbox-mail"));
    expect(row?.lastPurged).toBe(0);
    expect(row!.totalPurged).toBeGreaterThanOrEqual(1203);
    const metrics = await app.inject({
      url: "/metrics",
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.body).toMatch(/sharek_retention_purged_rows\{rule="outbox-mail",run="last"\} 0/);
    expect(metrics.body).toMatch(/sharek_retention_purged_rows\{rule="outbox-mail",run="total"\} \d{4}/);
    expect(metrics.body).toContain(
      `sharek_retention_last_run_timestamp_seconds{rule="audit-log"} ${NOW.getTime() / 1000}`,
    );
  });

  it("the personal-data notice lists every rule with its duration and legal basis, in each language", async () => {
    const visitor = new Agent(app);
    const fr = await visitor.get("/fr/legal/privacy");
    expect(fr.body).toContain("Durée de conservation de chaque type de données");
    expect(fr.body).toContain("90 jours après leur envoi");
    expect(fr.body).toContain("Loi organique n° 2017-10");
    expect(fr.body).toContain("2 ans après la clôture");
    const en = await visitor.get("/en/legal/privacy");
    expect(en.body).toContain("How long each kind of data is kept");
    expect(en.body).toContain("7 days after they are ready");
    const ar = await visitor.get("/ar/legal/privacy");
    expect(ar.body).toContain("مدة حفظ كل نوع من المعطيات");
    expect(ar.body).toContain("10 سنوات");
    // The other legal pages carry no such table.
    expect((await visitor.get("/en/legal/terms")).body).not.toContain("How long each kind of data is kept");
  });
});
