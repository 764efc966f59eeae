import { eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { localized } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { LIMITS } from "../fields.js";
import { phaseOf } from "../phase.js";
import type { Consultation, Section } from "../queries.js";
import { computeFigures } from "../synthesis.js";
import { consultationOutcomes, consultationSyntheses, consultations, sectionDecision } from "../tables.js";
import { notifyFollowers } from "./notify.js";
import { parseLocalized } from "./save-consultation.js";

export type Decision = (typeof sectionDecision.enumValues)[number];
export const DECISIONS = sectionDecision.enumValues;
export type OutcomeInput = Record<string, string | undefined>;

/** The form's field names for one section's decision. */
export const outcomeFields = (sectionId: string) => ({
  decision: `decision-${sectionId}`,
  reasonAr: `reasonAr-${sectionId}`,
  reasonFr: `reasonFr-${sectionId}`,
  reasonEn: `reasonEn-${sectionId}`,
  link: `link-${sectionId}`,
  noLinkAr: `noLinkAr-${sectionId}`,
  noLinkFr: `noLinkFr-${sectionId}`,
  noLinkEn: `noLinkEn-${sectionId}`,
});

function isHttpUrl(value: string): boolean {
  if (value.length > LIMITS.url || !/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    return new URL(value).hostname.includes(".");
  } catch {
    return false;
  }
}

interface ParsedOutcome {
  sectionId: string;
  decision: Decision | null;
  reason: LocalizedText;
  finalTextUrl: string | null;
  noLinkReason: LocalizedText;
}

/**
 * Reads the synthesis summary and each section's decision. `complete` (publishing) requires the
 * summary, and for every section a decision, its reason, and a link to the final text or why none.
 */
function parseOutcome(sections: Section[], input: OutcomeInput, complete: boolean, errors: FieldErrors) {
  const summary = parseLocalized(
    input,
    "summary",
    { max: LIMITS.body, required: complete, requiredKey: "consultations.errors.summaryRequired" },
    errors,
  );
  const outcomes: ParsedOutcome[] = sections.map((s) => {
    const f = outcomeFields(s.id);
    const d = text(input[f.decision]);
    const decision = (DECISIONS as readonly string[]).includes(d) ? (d as Decision) : null;
    if (d && !decision) errors[f.decision] = fieldError("consultations.errors.choose");
    if (complete && !decision) errors[f.decision] = fieldError("consultations.errors.decisionRequired");
    const reason = localized(input[f.reasonAr], input[f.reasonFr], input[f.reasonEn]);
    if (complete && Object.keys(reason).length === 0)
      errors[f.reasonAr] = fieldError("consultations.errors.reasonRequired");
    const noLinkReason = localized(input[f.noLinkAr], input[f.noLinkFr], input[f.noLinkEn]);
    for (const [value, id, field] of [
      [reason, f.reasonAr, "reason"],
      [noLinkReason, f.noLinkAr, "noLinkReason"],
    ] as const)
      if (Object.values(value).some((v) => [...(v ?? "")].length > LIMITS.reason))
        errors[id] = fieldError("consultations.errors.textTooLong", { max: LIMITS.reason, field });
    const link = text(input[f.link]);
    if (link && !isHttpUrl(link)) errors[f.link] = fieldError("consultations.errors.urlInvalid");
    if (complete && !link && Object.keys(noLinkReason).length === 0)
      errors[f.link] = fieldError("consultations.errors.linkOrReason");
    return { sectionId: s.id, decision, reason, finalTextUrl: link || null, noLinkReason };
  });
  return { summary, outcomes };
}

async function store(db: Db, c: Consultation, summary: LocalizedText, outcomes: ParsedOutcome[]) {
  await db
    .insert(consultationSyntheses)
    .values({ consultationId: c.id, summary })
    .onConflictDoUpdate({
      target: consultationSyntheses.consultationId,
      set: { summary, updatedAt: new Date() },
    });
  for (const o of outcomes) {
    if (!o.decision) {
      continue;
    }
    const values = {
      decision: o.decision,
      reason: o.reason,
      finalTextUrl: o.finalTextUrl,
      noLinkReason: Object.keys(o.noLinkReason).length > 0 ? o.noLinkReason : null,
    };
    await db
      .insert(consultationOutcomes)
      .values({ consultationId: c.id, sectionId: o.sectionId, ...values })
      .onConflictDoUpdate({
        target: [consultationOutcomes.consultationId, consultationOutcomes.sectionId],
        set: { ...values, updatedAt: new Date() },
      });
  }
}

function canWrite(c: Consultation, now: Date): boolean {
  return phaseOf(c, now) === "analysis";
}

/** Saves the synthesis and the decisions as a draft (only once the consultation has closed). */
export async function saveOutcome(
  db: Db,
  c: Consultation,
  sections: Section[],
  input: OutcomeInput,
  context: ChangeContext,
  now = new Date(),
): Promise<Result<null>> {
  if (!canWrite(c, now))
    return { ok: false, errors: { summaryAr: fieldError("consultations.errors.outcomeNotNow") } };
  const errors: FieldErrors = {};
  const { summary, outcomes } = parseOutcome(sections, input, false, errors);
  if (hasErrors(errors)) return { ok: false, errors };
  await db.transaction(async (tx) => {
    await store(tx, c, summary, outcomes);
    await audit(
      tx,
      {
        action: "consultation.outcome.save",
        subjectType: "consultation",
        subjectId: c.id,
        structureId: c.structureId,
      },
      context.request,
      context.actorId,
    );
  });
  return { ok: true, value: null };
}

/**
 * Publishes the synthesis (the admin's summary and the figures, computed now and frozen) and the
 * decision section by section. From then on the record is public for good and no longer changes.
 */
export async function publishOutcome(
  db: Db,
  c: Consultation,
  sections: Section[],
  input: OutcomeInput,
  context: ChangeContext & { publicUrl: string },
  now = new Date(),
): Promise<Result<null>> {
  if (!canWrite(c, now))
    return { ok: false, errors: { summaryAr: fieldError("consultations.errors.outcomeNotNow") } };
  const errors: FieldErrors = {};
  const { summary, outcomes } = parseOutcome(sections, input, true, errors);
  if (hasErrors(errors)) return { ok: false, errors };
  await db.transaction(async (tx) => {
    await store(tx, c, summary, outcomes);
    const figures = await computeFigures(tx, c.id, now);
    await tx
      .update(consultationSyntheses)
      .set({
        figures: figures as unknown as Record<string, unknown>,
        publishedAt: now,
        publishedBy: context.actorId,
      })
      .where(eq(consultationSyntheses.consultationId, c.id));
    const [updated] = await tx
      .update(consultations)
      .set({ outcomePublishedAt: now, notifiedPhase: "outcome" })
      .where(eq(consultations.id, c.id))
      .returning();
    await audit(
      tx,
      {
        action: "consultation.outcome.publish",
        subjectType: "consultation",
        subjectId: c.id,
        structureId: c.structureId,
      },
      context.request,
      context.actorId,
    );
    await notifyFollowers(tx, updated!, "outcome");
  });
  return { ok: true, value: null };
}
