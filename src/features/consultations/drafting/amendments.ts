import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import type { Actor } from "../../../core/authz/actor.js";
import { type FieldErrors, fieldError, hasErrors, text } from "../../../core/forms.js";
import { translator } from "../../../core/i18n/catalog.js";
import { DEFAULT_LOCALE, isLocale, pickLocalized } from "../../../core/i18n/localized.js";
import { isUuid } from "../../../core/ids.js";
import { enqueueMails } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import { blockedError, recordHold, screenPosting } from "../../moderation/screen.js";
import { type Refused, whileOpen } from "../commands/participate.js";
import { LIMITS } from "../fields.js";
import type { Consultation } from "../queries.js";
import { consultationSections } from "../tables.js";
import { splitParagraphs } from "./anchor.js";
import { consultationAmendmentSupports, consultationAmendments } from "./tables.js";
import { currentVersionNumber, ensureFirstVersion } from "./versions.js";

export const AMENDMENT_LIMITS = { text: LIMITS.sectionBody, reason: 2000, reasonMin: 2 };

export type AmendmentField = "proposed" | "reason" | "paragraph";
export interface AmendmentInput {
  paragraph?: string;
  lang?: string;
  proposed?: string;
  reason?: string;
}

/** Amendments everyone sees: neither held nor hidden. */
const shownToAll = (a: { moderationState: string }) => a.moderationState === "visible";

/**
 * Proposes a new wording for one paragraph of a section, with the reason. Only while the
 * consultation is open and for those its participation rule lets in; screened by moderation in the
 * same transaction (held for review, or refused while the author is blocked).
 */
export async function proposeAmendment(
  db: Db,
  actor: Actor,
  consultationId: string,
  sectionId: string,
  input: AmendmentInput,
): Promise<
  | { ok: true; value: { id: string; held: boolean } }
  | Refused
  | { ok: false; errors: FieldErrors<AmendmentField> }
  | { ok: false; notFound: true }
> {
  const proposed = text(input.proposed);
  const reason = text(input.reason);
  const paragraph = Number.parseInt(input.paragraph ?? "", 10);
  const result = await whileOpen(db, actor, consultationId, async (tx, c) => {
    const [section] = isUuid(sectionId)
      ? await tx
          .select()
          .from(consultationSections)
          .where(and(eq(consultationSections.id, sectionId), eq(consultationSections.consultationId, c.id)))
      : [];
    if (!section) return { notFound: true as const };
    const lang = isLocale(input.lang) ? input.lang : DEFAULT_LOCALE;
    const shown = pickLocalized(section.body, lang);
    const paragraphs = splitParagraphs(shown.text);
    const errors: FieldErrors<AmendmentField> = {};
    const original = Number.isInteger(paragraph) ? paragraphs[paragraph] : undefined;
    if (original === undefined) errors.paragraph = fieldError("consultations.drafting.errors.paragraphGone");
    if (!proposed) errors.proposed = fieldError("consultations.drafting.errors.proposedRequired");
    else if ([...proposed].length > AMENDMENT_LIMITS.text)
      errors.proposed = fieldError("consultations.drafting.errors.proposedTooLong", {
        max: AMENDMENT_LIMITS.text,
      });
    else if (original !== undefined && proposed === original)
      errors.proposed = fieldError("consultations.drafting.errors.proposedSame");
    if ([...reason].length < AMENDMENT_LIMITS.reasonMin)
      errors.reason = fieldError("consultations.drafting.errors.reasonRequired");
    else if ([...reason].length > AMENDMENT_LIMITS.reason)
      errors.reason = fieldError("consultations.drafting.errors.reasonTooLong", {
        max: AMENDMENT_LIMITS.reason,
      });
    if (hasErrors(errors)) return { errors };
    const author = actor.accountId!;
    const screening = await screenPosting(tx, {
      accountId: author,
      kind: "consultation_amendment",
      text: `${proposed}\n\n${reason}`,
    });
    if (screening.blockedUntil) return { errors: { proposed: blockedError(screening.blockedUntil) } };
    await ensureFirstVersion(tx, c.id, new Date());
    const [row] = await tx
      .insert(consultationAmendments)
      .values({
        consultationId: c.id,
        sectionId: section.id,
        paragraph,
        lang: shown.lang,
        baseVersion: await currentVersionNumber(tx, c.id),
        original: original!,
        proposed,
        reason,
        authorId: author,
        moderationState: screening.hold ? "held" : "visible",
      })
      .returning({ id: consultationAmendments.id });
    if (screening.hold)
      await recordHold(
        tx,
        { kind: "consultation_amendment", itemId: row!.id, authorId: author },
        screening.hold,
      );
    return { id: row!.id, held: screening.hold !== null };
  });
  if (!result.ok) return result;
  const v = result.value;
  if ("notFound" in v) return { ok: false, notFound: true };
  if ("errors" in v) return { ok: false, errors: v.errors as FieldErrors<AmendmentField> };
  return { ok: true, value: v };
}

/** Supports an amendment once per account, or withdraws the support; open phase only, as comments. */
export async function toggleAmendmentSupport(
  db: Db,
  actor: Actor,
  consultationId: string,
  amendmentId: string,
): Promise<{ ok: true; value: { supported: boolean } } | Refused | { ok: false; notFound: true }> {
  const result = await whileOpen(db, actor, consultationId, async (tx) => {
    const [a] = isUuid(amendmentId)
      ? await tx
          .select()
          .from(consultationAmendments)
          .where(
            and(
              eq(consultationAmendments.id, amendmentId),
              eq(consultationAmendments.consultationId, consultationId),
            ),
          )
      : [];
    if (!a || !shownToAll(a) || a.status !== "proposed") return null;
    const accountId = actor.accountId!;
    const removed = await tx
      .delete(consultationAmendmentSupports)
      .where(
        and(
          eq(consultationAmendmentSupports.amendmentId, a.id),
          eq(consultationAmendmentSupports.accountId, accountId),
        ),
      )
      .returning({ id: consultationAmendmentSupports.amendmentId });
    const supported = removed.length === 0;
    if (supported)
      await tx
        .insert(consultationAmendmentSupports)
        .values({ amendmentId: a.id, accountId })
        .onConflictDoNothing();
    await tx
      .update(consultationAmendments)
      .set({
        supportCount: sql`(select count(*) from ${consultationAmendmentSupports} where ${consultationAmendmentSupports.amendmentId} = ${a.id})`,
      })
      .where(eq(consultationAmendments.id, a.id));
    return { supported };
  });
  if (!result.ok) return result;
  if (!result.value) return { ok: false, notFound: true };
  return { ok: true, value: result.value };
}

export type Decision = "accept" | "acceptWithChanges" | "reject";
export type DecisionField = "decision" | "acceptedText" | "decisionReason";

/**
 * The drafting team's decision on a proposed amendment: accepted as proposed, accepted with their
 * changes (their wording), or rejected with a reason. The author and the supporters are told by
 * mail, in their language, in the same transaction. A decision is taken once.
 */
export async function decideAmendment(
  db: Db,
  c: Pick<Consultation, "id" | "title">,
  amendmentId: string,
  input: { decision?: string; acceptedText?: string; decisionReason?: string },
  ctx: { by: string; publicUrl: string },
): Promise<
  | { ok: true; value: { status: string } }
  | { ok: false; errors: FieldErrors<DecisionField> }
  | { ok: false; notFound: true }
  | { ok: false; alreadyDecided: true }
> {
  const decision = input.decision as Decision | undefined;
  const acceptedText = text(input.acceptedText);
  const reason = text(input.decisionReason);
  return db.transaction(async (tx) => {
    const [a] = isUuid(amendmentId)
      ? await tx
          .select()
          .from(consultationAmendments)
          .where(
            and(eq(consultationAmendments.id, amendmentId), eq(consultationAmendments.consultationId, c.id)),
          )
          .for("update")
      : [];
    if (!a || a.moderationState === "hidden") return { ok: false as const, notFound: true as const };
    if (a.status !== "proposed") return { ok: false as const, alreadyDecided: true as const };
    const errors: FieldErrors<DecisionField> = {};
    if (decision !== "accept" && decision !== "acceptWithChanges" && decision !== "reject")
      errors.decision = fieldError("consultations.drafting.errors.decisionRequired");
    if (decision === "acceptWithChanges") {
      if (!acceptedText)
        errors.acceptedText = fieldError("consultations.drafting.errors.acceptedTextRequired");
      else if ([...acceptedText].length > AMENDMENT_LIMITS.text)
        errors.acceptedText = fieldError("consultations.drafting.errors.proposedTooLong", {
          max: AMENDMENT_LIMITS.text,
        });
    }
    if (decision === "reject" && [...reason].length < AMENDMENT_LIMITS.reasonMin)
      errors.decisionReason = fieldError("consultations.drafting.errors.decisionReasonRequired");
    if ([...reason].length > AMENDMENT_LIMITS.reason)
      errors.decisionReason = fieldError("consultations.drafting.errors.reasonTooLong", {
        max: AMENDMENT_LIMITS.reason,
      });
    if (hasErrors(errors)) return { ok: false as const, errors };
    const status =
      decision === "accept"
        ? "accepted"
        : decision === "acceptWithChanges"
          ? "accepted_with_changes"
          : "rejected";
    const now = new Date();
    await tx
      .update(consultationAmendments)
      .set({
        status,
        acceptedText: status === "rejected" ? null : status === "accepted" ? a.proposed : acceptedText,
        decisionReason: reason || null,
        decidedBy: ctx.by,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(consultationAmendments.id, a.id));
    // The author and every supporter, each once, in their own language.
    const supporters = tx
      .select({ id: consultationAmendmentSupports.accountId })
      .from(consultationAmendmentSupports)
      .where(eq(consultationAmendmentSupports.amendmentId, a.id));
    const people = await tx
      .select({ id: accounts.id, email: accounts.email, locale: accounts.locale })
      .from(accounts)
      .where(
        and(
          isNull(accounts.deletedAt),
          a.authorId
            ? sql`(${accounts.id} = ${a.authorId} or ${accounts.id} in (${supporters}))`
            : inArray(accounts.id, supporters),
        ),
      );
    const path = `/consultations/${c.id}/amendments/${a.id}`;
    await enqueueMails(
      tx,
      people
        .filter((p) => p.email)
        .map((p) => {
          const locale = isLocale(p.locale) ? p.locale : DEFAULT_LOCALE;
          const t = translator(locale);
          const values = { title: pickLocalized(c.title, locale).text, reason: reason || "—" };
          return {
            to: p.email!,
            subject: t(`consultations.drafting.mail.${status}.subject`, values),
            text: [
              t(`consultations.drafting.mail.${status}.body`, values),
              t("consultations.drafting.mail.link", { url: `${ctx.publicUrl}/${locale}${path}` }),
            ].join("\n\n"),
          };
        }),
    );
    return { ok: true as const, value: { status } };
  });
}
