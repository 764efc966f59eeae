import { and, eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import { type LocalizedText, localized } from "../../../core/i18n/localized.js";
import { governorates, structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { isTheme, LIMITS } from "../fields.js";
import type { Consultation } from "../queries.js";
import { consultations } from "../tables.js";

export type ConsultationField =
  | "structureId"
  | "titleAr"
  | "titleFr"
  | "titleEn"
  | "summaryAr"
  | "summaryFr"
  | "summaryEn"
  | "bodyAr"
  | "bodyFr"
  | "bodyEn"
  | "theme"
  | "area"
  | "governorateCode"
  | "municipality"
  | "participation"
  | "opensAt"
  | "closesAt"
  | "outcomeDueAt";
export type ConsultationInput = Partial<Record<ConsultationField, string>>;

/**
 * A text in ar/fr/en from `<prefix>Ar`, `<prefix>Fr`, `<prefix>En`: each at most `max` characters;
 * when `required`, at least one language. Errors land on the first field concerned, and name it (the
 * prefix and the language are the message's `field` and `lang`).
 */
export function parseLocalized(
  input: Record<string, string | undefined>,
  prefix: string,
  options: { max: number; required: boolean; requiredKey?: string },
  errors: FieldErrors,
): LocalizedText {
  const value = localized(input[`${prefix}Ar`], input[`${prefix}Fr`], input[`${prefix}En`]);
  if (options.required && Object.keys(value).length === 0)
    errors[`${prefix}Ar`] = fieldError(options.requiredKey ?? "consultations.errors.textRequired", {
      field: prefix,
    });
  for (const [suffix, lang] of [
    ["Ar", "ar"],
    ["Fr", "fr"],
    ["En", "en"],
  ] as const) {
    if ([...(value[lang] ?? "")].length > options.max)
      errors[`${prefix}${suffix}`] = fieldError("consultations.errors.textTooLong", {
        max: options.max,
        field: prefix,
        lang,
      });
  }
  return value;
}

/** The Tunis day "yyyy-mm-dd" as an instant: its first moment, or its last with `end`. Tunis is UTC+1. */
export function tunisDay(value: string, end = false): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = Date.UTC(y, mo - 1, d) - 3600_000;
  const date = new Date(start);
  if (new Date(start + 3600_000).getUTCDate() !== d) return null;
  return end ? new Date(start + 24 * 3600_000 - 1000) : date;
}

/** The Tunis day of an instant, as "yyyy-mm-dd" (for date inputs). */
export function dayOf(date: Date | null | undefined): string {
  if (!date) return "";
  return new Date(date.getTime() + 3600_000).toISOString().slice(0, 10);
}

interface Parsed {
  title: LocalizedText;
  summary: LocalizedText;
  body: LocalizedText;
  theme: string;
  area: "national" | "governorate" | "municipality";
  governorateCode: string | null;
  municipalityId: string | null;
  participation: "signed_in" | "identity_verified";
  opensAt: Date;
  closesAt: Date;
  outcomeDueAt: Date | null;
}

async function parse(db: Db, input: ConsultationInput, errors: FieldErrors): Promise<Parsed | null> {
  const title = parseLocalized(input, "title", { max: LIMITS.title, required: true }, errors);
  const summary = parseLocalized(input, "summary", { max: LIMITS.summary, required: true }, errors);
  const body = parseLocalized(input, "body", { max: LIMITS.body, required: false }, errors);
  const theme = text(input.theme);
  if (!isTheme(theme)) errors.theme = fieldError("consultations.errors.choose");
  const area = text(input.area);
  let governorateCode: string | null = null;
  let municipalityId: string | null = null;
  if (area === "governorate") {
    const code = text(input.governorateCode);
    const [row] = code ? await db.select().from(governorates).where(eq(governorates.code, code)) : [];
    if (!row) errors.governorateCode = fieldError("consultations.errors.governorateRequired");
    else governorateCode = row.code;
  } else if (area === "municipality") {
    const code = text(input.municipality).toLowerCase();
    const [row] = code
      ? await db
          .select({ id: structures.id, governorateCode: structures.governorateCode })
          .from(structures)
          .where(and(eq(structures.code, code), eq(structures.kind, "municipality")))
      : [];
    if (!row) errors.municipality = fieldError("consultations.errors.municipalityRequired");
    else {
      municipalityId = row.id;
      governorateCode = row.governorateCode;
    }
  } else if (area !== "national") errors.area = fieldError("consultations.errors.choose");
  const participation = text(input.participation);
  if (participation !== "signed_in" && participation !== "identity_verified")
    errors.participation = fieldError("consultations.errors.choose");
  const opensAt = tunisDay(text(input.opensAt));
  if (!opensAt) errors.opensAt = fieldError("consultations.errors.dateInvalid");
  const closesAt = tunisDay(text(input.closesAt), true);
  if (!closesAt) errors.closesAt = fieldError("consultations.errors.dateInvalid");
  else if (opensAt && closesAt <= opensAt)
    errors.closesAt = fieldError("consultations.errors.closesBeforeOpens");
  const due = text(input.outcomeDueAt);
  const outcomeDueAt = due ? tunisDay(due, true) : null;
  if (due && !outcomeDueAt) errors.outcomeDueAt = fieldError("consultations.errors.dateInvalid");
  else if (outcomeDueAt && closesAt && outcomeDueAt < closesAt)
    errors.outcomeDueAt = fieldError("consultations.errors.outcomeBeforeClose");
  if (hasErrors(errors)) return null;
  return {
    title,
    summary,
    body,
    theme,
    area: area as Parsed["area"],
    governorateCode,
    municipalityId,
    participation: participation as Parsed["participation"],
    opensAt: opensAt!,
    closesAt: closesAt!,
    outcomeDueAt,
  };
}

/** Creates a draft consultation for one of the structures the actor runs consultations for. */
export async function createConsultation(
  db: Db,
  input: ConsultationInput,
  allowedStructures: "all" | string[],
  context: ChangeContext,
): Promise<Result<{ id: string }, ConsultationField>> {
  const errors: FieldErrors = {};
  const structureId = text(input.structureId);
  const [structure] = /^[0-9a-f-]{36}$/i.test(structureId)
    ? await db.select({ id: structures.id }).from(structures).where(eq(structures.id, structureId))
    : [];
  if (!structure || (allowedStructures !== "all" && !allowedStructures.includes(structure.id)))
    errors.structureId = fieldError("consultations.errors.choose");
  const parsed = await parse(db, input, errors);
  if (!parsed || hasErrors(errors)) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consultations)
      .values({ ...parsed, structureId, visibility: "draft", createdBy: context.actorId })
      .returning({ id: consultations.id });
    await audit(
      tx,
      {
        action: "consultation.create",
        subjectType: "consultation",
        subjectId: row!.id,
        structureId,
      },
      context.request,
      context.actorId,
    );
    return { ok: true as const, value: row! };
  });
}

/** Edits a consultation; its record is locked once the outcome is published. */
export async function updateConsultation(
  db: Db,
  consultation: Consultation,
  input: ConsultationInput,
  context: ChangeContext,
): Promise<Result<null, ConsultationField>> {
  const errors: FieldErrors = {};
  if (consultation.outcomePublishedAt)
    return { ok: false, errors: { titleAr: fieldError("consultations.errors.locked") } };
  const parsed = await parse(db, input, errors);
  if (!parsed) return { ok: false, errors };
  await db.transaction(async (tx) => {
    await tx.update(consultations).set(parsed).where(eq(consultations.id, consultation.id));
    await audit(
      tx,
      {
        action: "consultation.update",
        subjectType: "consultation",
        subjectId: consultation.id,
        structureId: consultation.structureId,
      },
      context.request,
      context.actorId,
    );
  });
  return { ok: true, value: null };
}

/** The form's values for an existing consultation. */
export function valuesOf(c: Consultation & { municipalityCode?: string | null }): ConsultationInput {
  return {
    structureId: c.structureId,
    titleAr: c.title.ar,
    titleFr: c.title.fr,
    titleEn: c.title.en,
    summaryAr: c.summary.ar,
    summaryFr: c.summary.fr,
    summaryEn: c.summary.en,
    bodyAr: c.body.ar,
    bodyFr: c.body.fr,
    bodyEn: c.body.en,
    theme: c.theme,
    area: c.area,
    governorateCode: c.governorateCode ?? "",
    municipality: c.municipalityCode ?? "",
    participation: c.participation,
    opensAt: dayOf(c.opensAt),
    closesAt: dayOf(c.closesAt),
    outcomeDueAt: dayOf(c.outcomeDueAt),
  };
}
