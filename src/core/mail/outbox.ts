import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Db } from "../../db/client.js";
import { outboxMessages } from "./tables.js";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

const outboxRow = (mail: Mail) => ({
  toAddress: mail.to,
  subject: mail.subject,
  textBody: mail.text,
  headers: mail.headers ?? {},
});

/** Queues a mail. Call it inside the transaction that caused it, so neither is lost without the other. */
export async function enqueueMail(db: Db, mail: Mail): Promise<void> {
  await db.insert(outboxMessages).values(outboxRow(mail));
}

/** Queues many mails in one statement (digests and newsletters queue them by the thousand). */
export async function enqueueMails(db: Db, mails: readonly Mail[]): Promise<void> {
  if (mails.length === 0) return;
  await db.insert(outboxMessages).values(mails.map(outboxRow));
}

/**
 * Queues mails with another statement, as its WITH query (`db.with(queued).insert(…)`): they are
 * written by that statement, in the same round trip, or not at all. Null when there are none.
 */
export function mailsQueuedWith(db: Db, mails: readonly Mail[]) {
  if (mails.length === 0) return null;
  return db.$with("queued_mails", {}).as(db.insert(outboxMessages).values(mails.map(outboxRow)).getSQL());
}

/**
 * Forgets every mail and SMS to these addresses (an account being deleted): those still waiting are
 * never sent, and those sent no longer keep the address or what was said. Returns how many.
 */
export async function forgetRecipients(
  db: Db,
  addresses: readonly (string | null | undefined)[],
): Promise<number> {
  const list = [...new Set(addresses.filter((a): a is string => Boolean(a)).map((a) => a.toLowerCase()))];
  if (list.length === 0) return 0;
  const gone = await db
    .delete(outboxMessages)
    .where(inArray(sql`lower(${outboxMessages.toAddress})`, list))
    .returning({ id: outboxMessages.id });
  return gone.length;
}

const MAX_ATTEMPTS = 8;

/**
 * Sends up to `batch` due messages. Rows are claimed with SKIP LOCKED, so several nodes can run this
 * at once without sending a mail twice. A failure is retried with exponential back-off.
 */
export async function deliverOutbox(
  db: Db,
  transport: Transporter,
  from: string,
  batch = 20,
): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, "pending"), lte(outboxMessages.sendAfter, new Date())))
      .orderBy(outboxMessages.sendAfter)
      .limit(batch)
      .for("update", { skipLocked: true });
    for (const message of due) {
      try {
        await transport.sendMail({
          from,
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          headers: message.headers,
        });
        await tx
          .update(outboxMessages)
          .set({ status: "sent", sentAt: new Date(), attempts: message.attempts + 1 })
          .where(eq(outboxMessages.id, message.id));
      } catch (error) {
        const attempts = message.attempts + 1;
        await tx
          .update(outboxMessages)
          .set({
            attempts,
            status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
            lastError: String((error as Error).message).slice(0, 500),
            sendAfter: sql`now() + make_interval(secs => ${60 * 2 ** attempts})`,
          })
          .where(eq(outboxMessages.id, message.id));
      }
    }
    return due.length;
  });
}
