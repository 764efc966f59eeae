import { and, eq, isNull, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { accounts } from "../../../core/auth/tables.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import { translator } from "../../../core/i18n/catalog.js";
import { formatDateTime } from "../../../core/i18n/format.js";
import { DEFAULT_LOCALE, isLocale } from "../../../core/i18n/localized.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import { notify, turnedOff } from "../../../core/notifications/notify.js";
import type { Db } from "../../../db/client.js";
import type { ModeratedItem, ModeratedKinds } from "../kinds.js";
import { accountBlocks, flagReason, moderationActions, moderationFlags, moderationItems } from "../tables.js";

export const REASON_MAX = 1000;
export const FLAG_REASONS = flagReason.enumValues;
export type FlagReason = (typeof FLAG_REASONS)[number];

interface Ctx {
  db: Db;
  publicUrl: string;
  request?: FastifyRequest;
}

/** Flags an item for moderators. One open flag per person and item: flagging twice changes nothing. */
export async function flagItem(
  { db }: Ctx,
  kinds: ModeratedKinds,
  input: { kind: string; itemId: string; reason?: string; note?: string },
  reporterId: string,
): Promise<Result<{ counted: boolean }, "reason" | "note">> {
  const errors: FieldErrors<"reason" | "note"> = {};
  const reason = text(input.reason);
  const note = text(input.note);
  if (!(FLAG_REASONS as readonly string[]).includes(reason))
    errors.reason = fieldError("moderation.errors.reason");
  if (reason === "other" && !note) errors.note = fieldError("moderation.errors.noteRequired");
  if (note.length > REASON_MAX) errors.note = fieldError("moderation.errors.noteLong", { max: REASON_MAX });
  if (hasErrors(errors)) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const item = await kinds.loadOne(tx, input.kind, input.itemId);
    if (!item) return { ok: false, errors: { reason: fieldError("moderation.errors.gone") } };
    const inserted = await tx
      .insert(moderationFlags)
      .values({
        kind: input.kind,
        itemId: item.id,
        reporterId,
        reason: reason as FlagReason,
        note: note || null,
      })
      .onConflictDoNothing()
      .returning({ id: moderationFlags.id });
    if (inserted.length === 0) return { ok: true, value: { counted: false } };
    await tx
      .insert(moderationItems)
      .values({
        kind: input.kind,
        itemId: item.id,
        authorId: item.authorId,
        openFlags: 1,
        pendingSince: sql`now()`,
      })
      .onConflictDoUpdate({
        target: [moderationItems.kind, moderationItems.itemId],
        set: {
          openFlags: sql`${moderationItems.openFlags} + 1`,
          pendingSince: sql`coalesce(${moderationItems.pendingSince}, now())`,
        },
      });
    return { ok: true, value: { counted: true } };
  });
}

export const MODERATION_DECISIONS = ["hide", "restore", "dismiss"] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/**
 * A moderator's decision on an item: hide it (a tombstone with the reason stays), restore it (from
 * hidden or held), or dismiss its flags. Settles the item's flags, takes it off the queue, records
 * the action, audits it and tells the author, all in one transaction.
 */
export async function moderateItem(
  ctx: Ctx,
  kinds: ModeratedKinds,
  input: { kind: string; itemId: string; decision?: string; reason?: string },
  moderatorId: string,
): Promise<Result<ModeratedItem, "decision" | "reason">> {
  const errors: FieldErrors<"decision" | "reason"> = {};
  const decision = text(input.decision) as ModerationDecision;
  const reason = text(input.reason);
  if (!MODERATION_DECISIONS.includes(decision)) errors.decision = fieldError("moderation.errors.decision");
  if (decision !== "dismiss" && !reason) errors.reason = fieldError("moderation.errors.reasonRequired");
  if (reason.length > REASON_MAX)
    errors.reason = fieldError("moderation.errors.reasonLong", { max: REASON_MAX });
  if (hasErrors(errors)) return { ok: false, errors };
  return ctx.db.transaction(async (tx) => {
    const adapter = kinds.get(input.kind);
    const item = await kinds.loadOne(tx, input.kind, input.itemId);
    if (!adapter || !item) return { ok: false, errors: { decision: fieldError("moderation.errors.gone") } };
    if (decision === "hide" && item.state === "hidden")
      return { ok: false, errors: { decision: fieldError("moderation.errors.alreadyHidden") } };
    if (decision === "restore" && item.state === "visible")
      return { ok: false, errors: { decision: fieldError("moderation.errors.alreadyVisible") } };
    const action =
      decision === "hide"
        ? "hidden"
        : decision === "dismiss"
          ? "flags_dismissed"
          : item.state === "held"
            ? "released"
            : "restored";
    if (decision === "hide") await adapter.setState(tx, item.id, "hidden", reason);
    if (decision === "restore") await adapter.setState(tx, item.id, "visible", null);
    await tx
      .update(moderationFlags)
      .set({ settledAt: sql`now()` })
      .where(
        and(
          eq(moderationFlags.kind, input.kind),
          eq(moderationFlags.itemId, item.id),
          isNull(moderationFlags.settledAt),
        ),
      );
    await tx
      .update(moderationItems)
      .set({ openFlags: 0, holdCause: null, pendingSince: null })
      .where(and(eq(moderationItems.kind, input.kind), eq(moderationItems.itemId, item.id)));
    await tx
      .insert(moderationActions)
      .values({ kind: input.kind, itemId: item.id, action, reason: reason || null, moderatorId });
    await audit(
      tx,
      { action: `moderation.${action}`, subjectType: input.kind, subjectId: item.id },
      ctx.request,
      moderatorId,
    );
    if (decision !== "dismiss" && item.authorId)
      await notifyAuthor(tx, ctx.publicUrl, item.authorId, action === "hidden" ? "hidden" : "restored", {
        reason,
        path: item.path,
      });
    return { ok: true, value: item };
  });
}

export const BLOCK_DAYS = [1, 3, 7, 30, 90] as const;

/** Bars an account from posting for a number of days, audited, and tells the person. */
export async function blockAccount(
  ctx: Ctx,
  input: { accountId: string; days?: string; reason?: string },
  moderatorId: string,
): Promise<Result<{ until: Date }, "days" | "reason">> {
  const errors: FieldErrors<"days" | "reason"> = {};
  const days = Number(text(input.days));
  const reason = text(input.reason);
  if (!(BLOCK_DAYS as readonly number[]).includes(days)) errors.days = fieldError("moderation.errors.days");
  if (!reason) errors.reason = fieldError("moderation.errors.reasonRequired");
  if (reason.length > REASON_MAX)
    errors.reason = fieldError("moderation.errors.reasonLong", { max: REASON_MAX });
  if (input.accountId === moderatorId) errors.reason = fieldError("moderation.errors.self");
  if (hasErrors(errors)) return { ok: false, errors };
  return ctx.db.transaction(async (tx) => {
    const until = new Date(Date.now() + days * 86_400_000);
    await tx
      .insert(accountBlocks)
      .values({ accountId: input.accountId, until, reason, blockedBy: moderatorId });
    await audit(
      tx,
      {
        action: "moderation.account_blocked",
        subjectType: "account",
        subjectId: input.accountId,
        details: { days },
      },
      ctx.request,
      moderatorId,
    );
    await notifyAuthor(tx, ctx.publicUrl, input.accountId, "blocked", { reason, until });
    return { ok: true, value: { until } };
  });
}

/**
 * Tells the author of a moderation decision: in their notification centre, and by mail in their
 * language through the outbox, in the transaction of the decision.
 */
async function notifyAuthor(
  db: Db,
  publicUrl: string,
  accountId: string,
  what: "hidden" | "restored" | "blocked",
  values: { reason: string; path?: string; until?: Date },
) {
  const [person] = await db
    .select({ email: accounts.email, locale: accounts.locale })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), isNull(accounts.deletedAt)));
  if (!person) return;
  await notify(db, accountId, "moderation-decision", {
    params: {
      decision: what,
      reason: values.reason,
      ...(values.until ? { until: { dateTime: values.until.toISOString() } } : {}),
    },
    // A blocked account is pointed to the rules it broke; a post, to the post.
    link: values.path ?? "/legal/terms",
  });
  if (!person.email || (await turnedOff(db, [accountId], "moderation-decision", "email")).has(accountId))
    return;
  const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
  const t = translator(locale);
  const v = { reason: values.reason, date: values.until ? formatDateTime(values.until, locale) : "" };
  await enqueueMail(db, {
    to: person.email,
    subject: t(`moderation.mail.${what}.subject`),
    text: [
      t(`moderation.mail.${what}.body`, v),
      values.path ? t("moderation.mail.link", { url: `${publicUrl}/${locale}${values.path}` }) : "",
    ]
      .filter(Boolean)
      .join("\n\n"),
  });
}
