import { and, eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../core/forms.js";
import { translator } from "../../core/i18n/catalog.js";
import { isLocale } from "../../core/i18n/localized.js";
import type { JobDefinition } from "../../core/jobs/job.js";
import { enqueueMails } from "../../core/mail/outbox.js";
import type { Db } from "../../db/client.js";
import { type FollowableKind, followableKind } from "../subscriptions/followable.js";
import { audienceBatch, type Newsletter } from "./audience.js";
import { newsletterSegment, newsletters } from "./tables.js";

export type NewsletterField = "structureId" | "subject" | "body" | "segment" | "segmentValue";
export type NewsletterInput = Partial<Record<NewsletterField, string>>;

export const SUBJECT_MAX = 200;
export const BODY_MAX = 20_000;
/** Recipients queued per transaction: the outbox then sends at its own pace. */
export const SEND_BATCH = 500;

/**
 * Writes a draft; `senders` are the structures the actor may write for ("platform" for none), a
 * segment names one of the `followable` kinds (every feature's).
 */
export async function createNewsletter(
  db: Db,
  input: NewsletterInput,
  senders: ReadonlySet<string>,
  followable: readonly FollowableKind[],
  context: ChangeContext,
): Promise<Result<{ id: string }, NewsletterField>> {
  const errors: FieldErrors<NewsletterField> = {};
  const sender = text(input.structureId) || "platform";
  if (!senders.has(sender)) errors.structureId = fieldError("newsletters.errors.senderRequired");
  const subject = text(input.subject);
  if (!subject) errors.subject = fieldError("newsletters.errors.subjectRequired");
  else if ([...subject].length > SUBJECT_MAX)
    errors.subject = fieldError("newsletters.errors.subjectLong", { max: SUBJECT_MAX });
  const body = text(input.body);
  if (!body) errors.body = fieldError("newsletters.errors.bodyRequired");
  else if ([...body].length > BODY_MAX)
    errors.body = fieldError("newsletters.errors.bodyLong", { max: BODY_MAX });
  const segment = text(input.segment) as Newsletter["segment"];
  const segmentValue = text(input.segmentValue) || null;
  if (!newsletterSegment.enumValues.includes(segment))
    errors.segment = fieldError("newsletters.errors.segmentRequired");
  else if (
    segment !== "all" &&
    !(segmentValue && (await followableKind(followable, segment)?.name(db, segmentValue)))
  )
    errors.segmentValue = fieldError("newsletters.errors.segmentValueRequired");
  if (hasErrors(errors)) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(newsletters)
      .values({
        structureId: sender === "platform" ? null : sender,
        subject,
        body,
        segment,
        segmentValue: segment === "all" ? null : segmentValue,
        createdBy: context.actorId,
      })
      .returning({ id: newsletters.id });
    await audit(
      tx,
      {
        action: "newsletter.create",
        subjectType: "newsletter",
        subjectId: row!.id,
        structureId: sender === "platform" ? null : sender,
        details: { segment },
      },
      context.request,
      context.actorId,
    );
    return { ok: true as const, value: row! };
  });
}

/** Sends a draft (the job queues it in batches); false when it was already sent or sending. */
export async function requestSend(db: Db, newsletter: Newsletter, context: ChangeContext): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(newsletters)
      .set({ status: "sending", sendRequestedAt: new Date() })
      .where(and(eq(newsletters.id, newsletter.id), eq(newsletters.status, "draft")))
      .returning({ id: newsletters.id });
    if (rows.length === 0) return false;
    await audit(
      tx,
      {
        action: "newsletter.send",
        subjectType: "newsletter",
        subjectId: newsletter.id,
        structureId: newsletter.structureId,
      },
      context.request,
      context.actorId,
    );
    return true;
  });
}

/** The one-click unsubscribe address of a recipient (RFC 8058: a POST to it unsubscribes). */
export function unsubscribeUrl(publicUrl: string, locale: string, token: string): string {
  return `${publicUrl}/${locale}/newsletters/unsubscribe/${token}`;
}

/**
 * Queues the next batch of every newsletter being sent, each mail with List-Unsubscribe and
 * List-Unsubscribe-Post headers. The newsletter's row is locked and its cursor moved in the same
 * transaction, so two nodes never queue a recipient twice.
 */
export async function sendNewsletterBatches(
  db: Db,
  publicUrl: string,
  batchSize = SEND_BATCH,
): Promise<number> {
  let queued = 0;
  for (;;) {
    const progressed = await db.transaction(async (tx) => {
      const [n] = await tx
        .select()
        .from(newsletters)
        .where(eq(newsletters.status, "sending"))
        .orderBy(newsletters.sendRequestedAt)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!n) return false;
      const batch = await audienceBatch(tx, n, n.cursor, batchSize);
      await enqueueMails(
        tx,
        batch.map((r) => {
          const locale = isLocale(r.locale) ? r.locale : "ar";
          const url = unsubscribeUrl(publicUrl, locale, r.token);
          return {
            to: r.email,
            subject: n.subject,
            text: `${n.body}\n\n-- \n${translator(locale)("newsletters.mail.unsubscribe", { url })}`,
            headers: {
              "List-Unsubscribe": `<${url}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
          };
        }),
      );
      const done = batch.length < batchSize;
      await tx
        .update(newsletters)
        .set({
          cursor: batch.at(-1)?.account_id ?? n.cursor,
          recipients: n.recipients + batch.length,
          ...(done ? { status: "sent" as const, sentAt: new Date() } : {}),
        })
        .where(eq(newsletters.id, n.id));
      queued += batch.length;
      return true;
    });
    if (!progressed) return queued;
  }
}

export const newslettersJob: JobDefinition = {
  name: "newsletters-send",
  cron: "* * * * *",
  run: (db, _now, env) => sendNewsletterBatches(db, env.publicUrl),
};
