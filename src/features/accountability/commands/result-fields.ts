import { eq } from "drizzle-orm";
import { type FieldErrors, fieldError, text } from "../../../core/forms.js";
import { LOCALES, type LocalizedText, localized } from "../../../core/i18n/localized.js";
import { governorates, structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { themes } from "../../subscriptions/tables.js";
import { RESULT_STATUSES, type ResultStatus, results } from "../tables.js";

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 20_000;
export const BUDGET_MAX = 1e12;
export const CODE_PATTERN = /^[a-z0-9][a-z0-9._-]{1,99}$/;

/** The form's (and the import's) fields, by their form names. */
export const RESULT_FIELDS = [
  "code",
  "structureId",
  "parentId",
  "titleAr",
  "titleFr",
  "titleEn",
  "descriptionAr",
  "descriptionFr",
  "descriptionEn",
  "governorateCode",
  "municipalityId",
  "themeCode",
  "startsOn",
  "endsOn",
  "weight",
  "budgetPlanned",
  "budgetSpent",
  "status",
  "progress",
  "dropReasonAr",
  "dropReasonFr",
  "dropReasonEn",
] as const;
export type ResultField = (typeof RESULT_FIELDS)[number];
export type ResultInput = Partial<Record<ResultField, string>>;

/** What a valid input stores (status and progress are applied through an update: see apply-update.ts). */
export interface ResultValues {
  code: string;
  structureId: string;
  parentId: string | null;
  title: LocalizedText;
  description: LocalizedText;
  governorateCode: string | null;
  municipalityId: string | null;
  themeCode: string | null;
  startsOn: string | null;
  endsOn: string | null;
  weight: number;
  budgetPlanned: string | null;
  budgetSpent: string | null;
  status: ResultStatus;
  progress: number;
  dropReason: LocalizedText | null;
}

/** A calendar date written YYYY-MM-DD that exists. */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A whole percentage, 0 to 100. */
export function parsePercent(value: string): number | null {
  if (!/^\d{1,3}$/.test(value)) return null;
  const n = Number(value);
  return n <= 100 ? n : null;
}

/** An amount in dinars ("12500", "12 500,750", "12500.5"), as the numeric text PostgreSQL stores. */
function parseBudget(value: string): string | null | false {
  if (!value) return null;
  const normal = value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^\d{1,13}(\.\d{1,3})?$/.test(normal) || Number(normal) > BUDGET_MAX) return false;
  return normal;
}

export interface FieldContext {
  /** The structures the actor may create results for ("all": every one). */
  allowed: "all" | Set<string>;
  /** The result being edited: its code may stay. */
  editingId?: string;
}

/**
 * Checks a result's fields (from the form or a row of the import) against the database: the
 * structure and place exist, the parent is the same structure's, dates read and end after they
 * start, the budget is an amount, a dropped result says why. Errors are i18n keys.
 */
export async function parseResult(
  db: Db,
  input: ResultInput,
  ctx: FieldContext,
): Promise<{ values: ResultValues | null; errors: FieldErrors<ResultField> }> {
  const errors: FieldErrors<ResultField> = {};
  const code = text(input.code).toLowerCase();
  if (!CODE_PATTERN.test(code)) errors.code = fieldError("accountability.errors.code");
  else {
    const [taken] = await db.select({ id: results.id }).from(results).where(eq(results.code, code));
    if (taken && taken.id !== ctx.editingId) errors.code = fieldError("accountability.errors.codeTaken");
  }

  const structureId = text(input.structureId);
  const [structure] = /^[0-9a-f-]{36}$/i.test(structureId)
    ? await db
        .select({ id: structures.id, retiredAt: structures.retiredAt })
        .from(structures)
        .where(eq(structures.id, structureId))
    : [];
  if (!structure || structure.retiredAt || (ctx.allowed !== "all" && !ctx.allowed.has(structureId)))
    errors.structureId = fieldError("accountability.errors.structure");

  let parentId: string | null = text(input.parentId) || null;
  if (parentId) {
    const [parent] = /^[0-9a-f-]{36}$/i.test(parentId)
      ? await db
          .select({ id: results.id, structureId: results.structureId, parentId: results.parentId })
          .from(results)
          .where(eq(results.id, parentId))
      : [];
    if (!parent || parent.id === ctx.editingId || (structure && parent.structureId !== structureId))
      errors.parentId = fieldError("accountability.errors.parent");
    else parentId = parent.id;
  }

  const title: LocalizedText = {};
  const description: LocalizedText = {};
  for (const l of LOCALES) {
    const suffix = l === "ar" ? "Ar" : l === "fr" ? "Fr" : "En";
    const tt = text(input[`title${suffix}`]);
    const d = text(input[`description${suffix}`]);
    if (tt.length > TITLE_MAX)
      errors[`title${suffix}`] = fieldError("accountability.errors.titleLong", { max: TITLE_MAX });
    if (d.length > DESCRIPTION_MAX)
      errors[`description${suffix}`] = fieldError("accountability.errors.descriptionLong", {
        max: DESCRIPTION_MAX,
      });
    if (tt) title[l] = tt;
    if (d) description[l] = d;
  }
  if (!title.ar && !title.fr && !title.en && !errors.titleAr)
    errors.titleAr = fieldError("accountability.errors.titleRequired");

  const governorateCode = text(input.governorateCode).toUpperCase() || null;
  if (governorateCode) {
    const [g] = await db
      .select({ code: governorates.code })
      .from(governorates)
      .where(eq(governorates.code, governorateCode));
    if (!g) errors.governorateCode = fieldError("accountability.errors.governorate");
  }
  let municipalityId: string | null = text(input.municipalityId) || null;
  if (municipalityId) {
    const [m] = /^[0-9a-f-]{36}$/i.test(municipalityId)
      ? await db
          .select({ id: structures.id, kind: structures.kind, governorateCode: structures.governorateCode })
          .from(structures)
          .where(eq(structures.id, municipalityId))
      : [];
    if (m?.kind !== "municipality" || (governorateCode && m.governorateCode !== governorateCode))
      errors.municipalityId = fieldError("accountability.errors.municipality");
    else municipalityId = m.id;
  }

  const themeCode = text(input.themeCode) || null;
  if (themeCode) {
    const [th] = await db.select({ code: themes.code }).from(themes).where(eq(themes.code, themeCode));
    if (!th) errors.themeCode = fieldError("accountability.errors.theme");
  }

  const startsOn = text(input.startsOn) || null;
  const endsOn = text(input.endsOn) || null;
  if (startsOn && !isDate(startsOn)) errors.startsOn = fieldError("accountability.errors.date");
  if (endsOn && !isDate(endsOn)) errors.endsOn = fieldError("accountability.errors.date");
  if (startsOn && endsOn && isDate(startsOn) && isDate(endsOn) && endsOn < startsOn)
    errors.endsOn = fieldError("accountability.errors.endBeforeStart");

  const weightText = text(input.weight) || "1";
  const weight = /^\d{1,4}$/.test(weightText) ? Number(weightText) : Number.NaN;
  if (!(weight >= 1 && weight <= 1000)) errors.weight = fieldError("accountability.errors.weight");

  const budgetPlanned = parseBudget(text(input.budgetPlanned));
  const budgetSpent = parseBudget(text(input.budgetSpent));
  if (budgetPlanned === false) errors.budgetPlanned = fieldError("accountability.errors.budget");
  if (budgetSpent === false) errors.budgetSpent = fieldError("accountability.errors.budget");

  const status = (text(input.status) || "planned") as ResultStatus;
  if (!RESULT_STATUSES.includes(status)) errors.status = fieldError("accountability.errors.status");
  const progress = parsePercent(text(input.progress) || "0");
  if (progress === null) errors.progress = fieldError("accountability.errors.progress");
  const dropReason = localized(input.dropReasonAr, input.dropReasonFr, input.dropReasonEn);
  if (status === "dropped" && Object.keys(dropReason).length === 0)
    errors.dropReasonAr = fieldError("accountability.errors.dropReason");

  if (Object.keys(errors).length > 0) return { values: null, errors };
  return {
    values: {
      code,
      structureId,
      parentId,
      title,
      description,
      governorateCode,
      municipalityId,
      themeCode,
      startsOn,
      endsOn,
      weight,
      budgetPlanned: budgetPlanned || null,
      budgetSpent: budgetSpent || null,
      status,
      progress: progress ?? 0,
      dropReason: status === "dropped" ? dropReason : null,
    },
    errors,
  };
}
