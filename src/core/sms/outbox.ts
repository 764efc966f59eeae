import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.js";
import { toE164 } from "../forms.js";
import { smsMessages, smsOptOuts, smsParts } from "./tables.js";

/**
 * Queues an SMS to a phone number (any form libphonenumber reads, Tunisian by default; stored in
 * E.164). Call it inside the transaction that caused it. Nothing is queued for a number that is not
 * valid or that opted out (STOP); the answer says whether it was queued.
 */
export async function enqueueSms(db: Db, sms: { to: string; text: string }): Promise<boolean> {
  const to = toE164(sms.to);
  if (!to) return false;
  const [optedOut] = await db.select().from(smsOptOuts).where(eq(smsOptOuts.phone, to));
  if (optedOut) return false;
  await db.insert(smsMessages).values({ toNumber: to, body: sms.text });
  return true;
}

export interface ClaimedSms {
  id: string;
  toNumber: string;
  body: string;
  attempts: number;
}

/**
 * Claims up to `limit` due messages for this sender and commits the claim (status sending) before
 * anything is submitted: a node that dies after submitting never hands the message to another.
 * SKIP LOCKED lets several nodes claim at once, each its own rows. Messages to a number that opted
 * out meanwhile are cancelled instead.
 */
export async function claimSms(db: Db, limit: number, now = new Date()): Promise<ClaimedSms[]> {
  const result = await db.execute(sql`
    with due as (
      select m.id, exists (select 1 from sms_opt_outs o where o.phone = m.to_number) as opted_out
      from sms_messages m
      where m.status = 'pending' and m.send_after <= ${now}
      order by m.send_after
      limit ${limit}
      for update of m skip locked
    )
    update sms_messages m
    set status = case when due.opted_out then 'cancelled'::sms_status else 'sending'::sms_status end,
        claimed_at = ${now}, attempts = m.attempts + (case when due.opted_out then 0 else 1 end),
        updated_at = ${now}
    from due where m.id = due.id
    returning m.id, m.to_number, m.body, m.attempts, m.status`);
  return rowsOf<{ id: string; to_number: string; body: string; attempts: number; status: string }>(result)
    .filter((r) => r.status === "sending")
    .map((r) => ({ id: r.id, toNumber: r.to_number, body: r.body, attempts: r.attempts }));
}

/** The SMSC accepted every part: records the ids it gave, for the delivery receipts. */
export async function markSmsSent(db: Db, id: string, smscIds: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(smsMessages)
      .set({ status: "sent", sentAt: new Date(), parts: smscIds.length, lastError: null })
      .where(and(eq(smsMessages.id, id), eq(smsMessages.status, "sending")));
    await tx
      .insert(smsParts)
      .values(smscIds.map((smscId, i) => ({ messageId: id, seq: i + 1, smscId })))
      .onConflictDoNothing();
  });
}

export const MAX_SMS_ATTEMPTS = 6;

/**
 * Nothing of it reached the SMSC, or the SMSC refused its first part: tried again after
 * `backoffSeconds` × 2^(attempts-1), until MAX_SMS_ATTEMPTS, then failed.
 */
export async function retrySms(
  db: Db,
  message: ClaimedSms,
  error: string,
  backoffSeconds: number,
): Promise<void> {
  const failed = message.attempts >= MAX_SMS_ATTEMPTS;
  await db
    .update(smsMessages)
    .set({
      status: failed ? "failed" : "pending",
      lastError: error.slice(0, 500),
      claimedAt: null,
      sendAfter: sql`now() + make_interval(secs => ${backoffSeconds * 2 ** (message.attempts - 1)})`,
    })
    .where(and(eq(smsMessages.id, message.id), eq(smsMessages.status, "sending")));
}

/**
 * What became of it is unknown (the link dropped between submitting and the answer), or a later
 * part was refused after the first went out: it is not sent again, lest it arrive twice.
 */
export async function giveUpSms(db: Db, id: string, status: "unknown" | "failed", error: string) {
  await db
    .update(smsMessages)
    .set({ status, lastError: error.slice(0, 500) })
    .where(and(eq(smsMessages.id, id), eq(smsMessages.status, "sending")));
}

/**
 * Claims older than `leaseSeconds` belong to a sender that died mid-submit (a node killed, a
 * restart): marked unknown, never sent again. Returns how many.
 */
export async function expireSmsClaims(db: Db, leaseSeconds: number, now = new Date()): Promise<number> {
  const expired = await db
    .update(smsMessages)
    .set({ status: "unknown", lastError: "the sender stopped before the SMSC answered" })
    .where(
      and(
        eq(smsMessages.status, "sending"),
        lt(smsMessages.claimedAt, new Date(now.getTime() - leaseSeconds * 1000)),
      ),
    )
    .returning({ id: smsMessages.id });
  return expired.length;
}

const FINAL_FAILURES = ["UNDELIV", "EXPIRED", "REJECTD", "DELETED"];

/**
 * Records a delivery receipt for one part (by the SMSC's id): the message is delivered once every
 * part is, undeliverable as soon as one part is. Returns false for an id no message holds.
 */
export async function recordSmsReceipt(
  db: Db,
  receipt: { smscId: string; stat: string; error: string | null },
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [part] = await tx
      .update(smsParts)
      .set({ receiptStat: receipt.stat, receiptError: receipt.error, receiptAt: now })
      .where(eq(smsParts.smscId, receipt.smscId))
      .returning({ messageId: smsParts.messageId });
    if (!part) return false;
    const parts = await tx
      .select({ stat: smsParts.receiptStat })
      .from(smsParts)
      .where(eq(smsParts.messageId, part.messageId));
    const status = parts.some((p) => FINAL_FAILURES.includes(p.stat ?? ""))
      ? "undeliverable"
      : parts.every((p) => p.stat === "DELIVRD")
        ? "delivered"
        : null;
    if (status) {
      await tx
        .update(smsMessages)
        .set({ status, deliveredAt: status === "delivered" ? now : null })
        .where(and(eq(smsMessages.id, part.messageId), inArray(smsMessages.status, ["sent", "delivered"])));
    }
    return true;
  });
}

const STOP_WORDS = new Set([
  "STOP",
  "ARRET",
  "ARRÊT",
  "STOPALL",
  "UNSUBSCRIBE",
  "توقف",
  "ايقاف",
  "إيقاف",
  "قف",
]);
const START_WORDS = new Set(["START", "UNSTOP", "ابدأ", "ابدا"]);

/**
 * A message a person sent to the platform's number: STOP (in any of the three languages) opts the
 * number out and cancels what waits for it; START takes it back. Anything else is ignored.
 */
export async function handleInboundSms(
  db: Db,
  from: string,
  text: string,
): Promise<"stopped" | "started" | "ignored"> {
  const phone = toE164(from);
  const word = text.trim().toUpperCase();
  if (!phone) return "ignored";
  if (STOP_WORDS.has(word)) {
    await db.transaction(async (tx) => {
      await tx.insert(smsOptOuts).values({ phone, keyword: word }).onConflictDoNothing();
      await tx
        .update(smsMessages)
        .set({ status: "cancelled" })
        .where(and(eq(smsMessages.toNumber, phone), eq(smsMessages.status, "pending")));
    });
    return "stopped";
  }
  if (START_WORDS.has(word)) {
    await db.delete(smsOptOuts).where(eq(smsOptOuts.phone, phone));
    return "started";
  }
  return "ignored";
}
