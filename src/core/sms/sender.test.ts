import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/databases.js";
import { TestSmsc } from "../../../test/smsc.js";
import { parseSmppUrl } from "../../config.js";
import { DATA_CODING } from "./encode.js";
import { enqueueSms } from "./outbox.js";
import { inboundHandlers, type SenderOptions, SmsSender } from "./sender.js";
import { SmppLink } from "./smpp-link.js";
import { smsMessages, smsOptOuts, smsParts } from "./tables.js";

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.close());

const log = { info: () => {}, error: () => {} };
const running: SmsSender[] = [];
const smscs: TestSmsc[] = [];
afterEach(async () => {
  for (const sender of running.splice(0)) await sender.stop();
  for (const smsc of smscs.splice(0)) await smsc.close();
  await db.delete(smsMessages);
  await db.delete(smsOptOuts);
});

async function smsc(options = {}) {
  const started = await TestSmsc.start(options);
  smscs.push(started);
  return started;
}

function sender(url: string, options: Partial<SenderOptions> = {}) {
  const link = new SmppLink(parseSmppUrl(url, 1000), inboundHandlers(db, log), { reconnectMs: 50 });
  const s = new SmsSender(db, link, { rate: 1000, idleMs: 50, backoffSeconds: 0, ...options }, log);
  link.start();
  s.start();
  running.push(s);
  return s;
}

async function statusOf(to: string) {
  return (await db.select().from(smsMessages).where(eq(smsMessages.toNumber, to)))[0];
}

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the SMS sender over SMPP", () => {
  it("binds with the configured credentials and submits a GSM-7 text to an E.164 number", async () => {
    const center = await smsc();
    await enqueueSms(db, { to: "20 123 456", text: "Your request EC-2026-000001 was received." });
    sender(center.url);
    const [message] = await center.waitFor(1);
    expect(center.binds).toEqual(["sharek"]);
    expect(message).toMatchObject({
      to: "+21620123456",
      from: "Sharek",
      text: "Your request EC-2026-000001 was received.",
      dataCoding: DATA_CODING.gsm,
    });
    await until(async () => (await statusOf("+21620123456"))?.status === "sent");
  });

  it("sends a long Arabic text in UCS-2 parts that the SMSC puts back together, and records their receipts", async () => {
    const center = await smsc();
    const text = `تم تسجيل مطلبكم عدد EC-2026-000002. ${"يمكنكم متابعته عبر الرابط التالي. ".repeat(4)}https://sharek.tn/ar/requests/follow/abc`;
    await enqueueSms(db, { to: "+21620000002", text });
    sender(center.url);
    const [message] = await center.waitFor(1);
    expect(message!.text).toBe(text);
    expect(message!.dataCoding).toBe(DATA_CODING.ucs2);
    expect(message!.ids.length).toBeGreaterThan(2);
    expect(
      center.segments.every((s) => s.pdu.short_message && (Number(s.pdu.esm_class) & 0x40) === 0x40),
    ).toBe(true);
    await until(async () => (await statusOf("+21620000002"))?.status === "sent");

    // Every part must be delivered before the message is.
    const [first, ...rest] = message!.ids;
    expect(await center.receipt(first!)).toBe(0);
    expect((await statusOf("+21620000002"))!.status).toBe("sent");
    for (const id of rest) expect(await center.receipt(id)).toBe(0);
    const row = await statusOf("+21620000002");
    expect(row!.status).toBe("delivered");
    expect(row!.deliveredAt).not.toBeNull();
    const parts = await db.select().from(smsParts).where(eq(smsParts.messageId, row!.id));
    expect(parts.map((p) => p.receiptStat)).toEqual(message!.ids.map(() => "DELIVRD"));
  });

  it("records an undeliverable receipt", async () => {
    const center = await smsc();
    await enqueueSms(db, { to: "+21620000003", text: "Hello" });
    sender(center.url);
    const [message] = await center.waitFor(1);
    await until(async () => (await statusOf("+21620000003"))?.status === "sent");
    await center.receipt(message!.ids[0]!, "UNDELIV");
    expect((await statusOf("+21620000003"))!.status).toBe("undeliverable");
  });

  it("opts a number out when it answers STOP, and takes it back on START", async () => {
    const center = await smsc();
    sender(center.url);
    await until(async () => center.linkCount === 1 && center.binds.length === 1);
    await enqueueSms(db, { to: "+21620000004", text: "first" });
    await center.waitFor(1);
    expect(await center.inbound("+21620000004", " stop ")).toBe(0);
    expect(await db.select().from(smsOptOuts)).toMatchObject([{ phone: "+21620000004", keyword: "STOP" }]);
    expect(await enqueueSms(db, { to: "+21620000004", text: "second" })).toBe(false);
    // Arabic too.
    expect(await center.inbound("+21620000005", "توقف")).toBe(0);
    expect(await enqueueSms(db, { to: "+21620000005", text: "x" })).toBe(false);
    await center.inbound("+21620000004", "START");
    expect(await enqueueSms(db, { to: "+21620000004", text: "third" })).toBe(true);
    await center.waitFor(2);
    expect(center.messages.map((m) => m.text)).toEqual(["first", "third"]);
  });

  it("cancels what waits for a number that opts out before it is sent", async () => {
    await enqueueSms(db, { to: "+21620000006", text: "queued before STOP" });
    const center = await smsc();
    await db.insert(smsOptOuts).values({ phone: "+21620000006", keyword: "STOP" });
    await enqueueSms(db, { to: "+21620000007", text: "another" });
    sender(center.url);
    await center.waitFor(1);
    await until(async () => (await statusOf("+21620000006"))?.status === "cancelled");
    expect(center.messages.map((m) => m.to)).toEqual(["+21620000007"]);
  });

  it("retries with back-off when the SMSC throttles, and fails after too many refusals", async () => {
    const center = await smsc();
    center.refuse = { count: 2, status: 0x58 };
    await enqueueSms(db, { to: "+21620000008", text: "throttled twice" });
    sender(center.url);
    await center.waitFor(1);
    const row = await statusOf("+21620000008");
    await until(async () => (await statusOf("+21620000008"))?.status === "sent");
    expect(row!.attempts).toBe(3);

    center.refuse = { count: 100, status: 0x0b };
    await enqueueSms(db, { to: "+21620000009", text: "refused" });
    await until(async () => (await statusOf("+21620000009"))?.status === "failed");
    expect((await statusOf("+21620000009"))!.lastError).toMatch(/0000000b/);
  });

  it("binds again after the SMSC drops the link, and sends what was queued meanwhile", async () => {
    const center = await smsc();
    sender(center.url);
    await enqueueSms(db, { to: "+21620000010", text: "before the drop" });
    await center.waitFor(1);
    center.dropLinks();
    await enqueueSms(db, { to: "+21620000011", text: "after the drop" });
    await center.waitFor(2);
    expect(center.binds.length).toBe(2);
    expect(center.messages.map((m) => m.text)).toEqual(["before the drop", "after the drop"]);
  });

  it("refuses to bind with a wrong password, and keeps the messages", async () => {
    const center = await smsc();
    await enqueueSms(db, { to: "+21620000012", text: "kept" });
    sender(center.url.replace(":secret@", ":wrong@"));
    await new Promise((r) => setTimeout(r, 300));
    expect(center.binds).toEqual([]);
    expect((await statusOf("+21620000012"))!.status).toBe("pending");
  });

  it("sends nothing twice after the sender is killed half-way and another takes over", async () => {
    const center = await smsc({ answerDelayMs: 20 });
    const numbers = Array.from({ length: 60 }, (_, i) => `+2162100${String(i).padStart(4, "0")}`);
    for (const to of numbers) await enqueueSms(db, { to, text: `message to ${to}` });
    const first = sender(center.url, { rate: 200, window: 5 });
    await center.waitFor(20);
    first.kill();
    running.splice(running.indexOf(first), 1);
    // The next sender marks the dead one's claims unknown (not sent again) and sends the rest.
    sender(center.url, { rate: 1000, leaseSeconds: 0 });
    await until(
      async () => (await db.select().from(smsMessages).where(eq(smsMessages.status, "pending"))).length === 0,
    );
    await until(
      async () => (await db.select().from(smsMessages).where(eq(smsMessages.status, "sending"))).length === 0,
    );
    const received = center.segments.map((s) => s.to);
    expect(new Set(received).size).toBe(received.length);
    const rows = await db.select().from(smsMessages);
    const sent = rows.filter((r) => r.status === "sent").length;
    const unknown = rows.filter((r) => r.status === "unknown").length;
    expect(sent + unknown).toBe(60);
    expect(unknown).toBeLessThanOrEqual(5);
    expect(received.length).toBeGreaterThanOrEqual(sent);
  });

  it("paces segments at the configured rate", async () => {
    const center = await smsc();
    for (let i = 0; i < 6; i++) await enqueueSms(db, { to: `+2162200000${i}`, text: `paced ${i}` });
    const started = Date.now();
    sender(center.url, { rate: 10 });
    await center.waitFor(6);
    // Six segments at 10/s: the sixth leaves no sooner than 0.5 s after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });
});
