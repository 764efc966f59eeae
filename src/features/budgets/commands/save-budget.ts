import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { ActingContext } from "../../../core/audit/record.js";
import { audit } from "../../../core/audit/record.js";
import {
  type FieldError,
  type FieldErrors,
  fieldError,
  hasErrors,
  type Result,
  text,
} from "../../../core/forms.js";
import { LOCALES, type LocalizedText } from "../../../core/i18n/localized.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { isDay, startOfTunisDay, tunisDay } from "../../calendar/days.js";
import { parseDinars } from "../money.js";
import { phaseOf } from "../phase.js";
import { budgetCreateScope, canBudget } from "../policy.js";
import {
  type BudgetRow,
  type BudgetRule,
  budgetDistricts,
  budgetProposals,
  budgets,
  type DistrictRow,
} from "../tables.js";

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 20_000;
export const DISTRICT_NAME_MAX = 200;
/** At most this many district rows on the form (a municipality has a few arrondissements). */
export const MAX_DISTRICTS = 40;
/** The largest amount a budget may have, in dinars (far above any municipality's). */
export const AMOUNT_MAX_DINARS = 1e12;
export const PICK_N_MAX = 1000;
const CODE = /^[a-z0-9][a-z0-9-]{2,59}$/;
const DISTRICT_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;
const SUFFIXES = ["Ar", "Fr", "En"] as const;

export const DATE_FIELDS = [
  "proposalsFrom",
  "reviewFrom",
  "votingFrom",
  "resultsFrom",
  "implementationFrom",
] as const;
type DateField = (typeof DATE_FIELDS)[number];

export const BUDGET_FIELDS = [
  "code",
  "structureId",
  "titleAr",
  "titleFr",
  "titleEn",
  "descriptionAr",
  "descriptionFr",
  "descriptionEn",
  "amount",
  "rule",
  "minShare",
  "pickN",
  ...DATE_FIELDS,
  "voteMethods",
] as const;
export type BudgetField = (typeof BUDGET_FIELDS)[number];
/** One district row's fields, by row: `d0Code`, `d0NameFr`, `d0Share`… */
export const DISTRICT_FIELDS = ["Code", "NameAr", "NameFr", "NameEn", "Share"] as const;
export type DistrictField = `d${number}${(typeof DISTRICT_FIELDS)[number]}`;
export type BudgetFormField = BudgetField | DistrictField | "districts";
export type BudgetInput = Partial<Record<Exclude<BudgetField, "voteMethods">, string>> & {
  voteMethods?: string | string[];
  rows?: string;
} & Partial<Record<DistrictField, string>>;

export const VOTE_METHODS = ["eid", "paper_code"] as const;

/** The form's values for an existing budget (dates as Tunis days, amounts in dinars). */
export function budgetToInput(budget: BudgetRow, districts: readonly DistrictRow[]): BudgetInput {
  const dinars = (m: number) => (m % 1000 === 0 ? String(m / 1000) : (m / 1000).toFixed(3));
  const input: BudgetInput = {
    code: budget.code,
    structureId: budget.structureId,
    amount: dinars(budget.amountMillimes),
    rule: budget.rule,
    minShare: String(budget.minSharePercent),
    pickN: budget.pickN === null ? "" : String(budget.pickN),
    voteMethods: [...(budget.voteByEid ? ["eid"] : []), ...(budget.voteByPaperCode ? ["paper_code"] : [])],
  };
  for (const f of DATE_FIELDS) input[f] = tunisDay(budget[f]);
  for (const [i, s] of SUFFIXES.entries()) {
    const l = LOCALES[i]!;
    input[`title${s}`] = budget.title[l] ?? "";
    input[`description${s}`] = budget.description[l] ?? "";
  }
  districts.forEach((d, i) => {
    input[`d${i}Code`] = d.code;
    input[`d${i}NameAr`] = d.name.ar ?? "";
    input[`d${i}NameFr`] = d.name.fr ?? "";
    input[`d${i}NameEn`] = d.name.en ?? "";
    input[`d${i}Share`] = dinars(d.shareMillimes);
  });
  input.rows = String(districts.length);
  return input;
}

/** How many district rows the form shows: as many as it showed (or are filled), and `add` more. */
export function rowCount(input: BudgetInput, add: number): number {
  const asked = Number(text(input.rows)) || 0;
  let filled = 0;
  for (let i = 0; i < MAX_DISTRICTS; i++)
    if (DISTRICT_FIELDS.some((f) => text(input[`d${i}${f}`]))) filled = i + 1;
  return Math.min(MAX_DISTRICTS, Math.max(asked, filled) + add);
}

interface ParsedDistrict {
  code: string;
  name: LocalizedText;
  shareMillimes: number;
}

interface ParsedBudget {
  code: string;
  structureId: string;
  title: LocalizedText;
  description: LocalizedText;
  amountMillimes: number;
  rule: BudgetRule;
  minSharePercent: number;
  pickN: number | null;
  days: Record<DateField, string>;
  voteByEid: boolean;
  voteByPaperCode: boolean;
  districts: ParsedDistrict[];
}

const localizedField = (
  input: BudgetInput,
  field: "title" | "description",
  max: number,
  errors: FieldErrors<BudgetFormField>,
  key: string,
): LocalizedText => {
  const value: LocalizedText = {};
  for (const [i, s] of SUFFIXES.entries()) {
    const v = text(input[`${field}${s}`]);
    if (v.length > max) errors[`${field}${s}`] = fieldError(key, { max });
    if (v) value[LOCALES[i]!] = v;
  }
  return value;
};

/** Checks the form's meaning; errors name the field they belong to. */
async function parseBudget(
  db: Db,
  input: BudgetInput,
  existing: BudgetRow | null,
  allowed: "all" | string[],
): Promise<{ value: ParsedBudget | null; errors: FieldErrors<BudgetFormField> }> {
  const errors: FieldErrors<BudgetFormField> = {};
  let code = existing?.code ?? "";
  let structureId = existing?.structureId ?? "";
  if (!existing) {
    code = text(input.code).toLowerCase();
    if (!CODE.test(code)) errors.code = fieldError("budgets.formErrors.code");
    else {
      const [taken] = await db.select({ id: budgets.id }).from(budgets).where(eq(budgets.code, code));
      if (taken) errors.code = fieldError("budgets.formErrors.codeTaken");
    }
    structureId = text(input.structureId);
    const [structure] = /^[0-9a-f-]{36}$/i.test(structureId)
      ? await db
          .select({ id: structures.id })
          .from(structures)
          .where(and(eq(structures.id, structureId), isNull(structures.retiredAt)))
      : [];
    if (!structure || (allowed !== "all" && !allowed.includes(structureId)))
      errors.structureId = fieldError("budgets.formErrors.structure");
  }

  const title = localizedField(input, "title", TITLE_MAX, errors, "budgets.formErrors.titleLong");
  if (Object.keys(title).length === 0 && !errors.titleAr && !errors.titleFr && !errors.titleEn)
    errors.titleFr = fieldError("budgets.formErrors.titleRequired");
  const description = localizedField(
    input,
    "description",
    DESCRIPTION_MAX,
    errors,
    "budgets.formErrors.descriptionLong",
  );

  const amount = parseDinars(text(input.amount));
  if (amount === null || amount <= 0 || amount > AMOUNT_MAX_DINARS * 1000)
    errors.amount = fieldError("budgets.formErrors.amount");

  const rule = text(input.rule) as BudgetRule;
  if (rule !== "knapsack" && rule !== "pick_n") errors.rule = fieldError("budgets.formErrors.rule");
  let minSharePercent = 0;
  let pickN: number | null = null;
  if (rule === "knapsack") {
    const v = text(input.minShare) || "0";
    minSharePercent = /^\d{1,3}$/.test(v) ? Number(v) : Number.NaN;
    if (!(minSharePercent >= 0 && minSharePercent <= 100))
      errors.minShare = fieldError("budgets.formErrors.minShare");
  } else if (rule === "pick_n") {
    const v = text(input.pickN);
    pickN = /^\d{1,4}$/.test(v) ? Number(v) : Number.NaN;
    if (!(pickN >= 1 && pickN <= PICK_N_MAX))
      errors.pickN = fieldError("budgets.formErrors.pickN", { max: PICK_N_MAX });
  }

  const days = {} as Record<DateField, string>;
  let previous: string | null = null;
  for (const f of DATE_FIELDS) {
    const day = text(input[f]);
    days[f] = day;
    if (!isDay(day)) {
      errors[f] = fieldError("budgets.formErrors.date");
      continue;
    }
    // Voting lasts at least a day; the other phases may be skipped (start on the same day).
    if (previous && (day < previous || (f === "resultsFrom" && day === previous)))
      errors[f] = fieldError(
        f === "resultsFrom" ? "budgets.formErrors.votingTooShort" : "budgets.formErrors.dateOrder",
      );
    previous = day;
  }

  const methods = [input.voteMethods ?? []].flat().map(text);
  const voteByEid = methods.includes("eid");
  const voteByPaperCode = methods.includes("paper_code");
  if (!voteByEid && !voteByPaperCode) errors.voteMethods = fieldError("budgets.formErrors.voteMethods");

  const districts: ParsedDistrict[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < MAX_DISTRICTS; i++) {
    const raw = Object.fromEntries(DISTRICT_FIELDS.map((f) => [f, text(input[`d${i}${f}`])])) as Record<
      (typeof DISTRICT_FIELDS)[number],
      string
    >;
    if (DISTRICT_FIELDS.every((f) => raw[f] === "")) continue; // A blank row: no district (or one removed).
    const dCode = raw.Code.toLowerCase();
    if (!DISTRICT_CODE.test(dCode)) errors[`d${i}Code`] = fieldError("budgets.formErrors.districtCode");
    else if (seen.has(dCode)) errors[`d${i}Code`] = fieldError("budgets.formErrors.districtCodeTwice");
    seen.add(dCode);
    const name: LocalizedText = {};
    for (const [j, s] of SUFFIXES.entries()) {
      const v = raw[`Name${s}`];
      if (v.length > DISTRICT_NAME_MAX)
        errors[`d${i}Name${s}`] = fieldError("budgets.formErrors.districtNameLong", {
          max: DISTRICT_NAME_MAX,
        });
      if (v) name[LOCALES[j]!] = v;
    }
    if (Object.keys(name).length === 0) errors[`d${i}NameFr`] = fieldError("budgets.formErrors.districtName");
    const share = parseDinars(raw.Share);
    if (share === null || share <= 0 || share > AMOUNT_MAX_DINARS * 1000)
      errors[`d${i}Share`] = fieldError("budgets.formErrors.districtShare");
    districts.push({ code: dCode, name, shareMillimes: share ?? 0 });
  }
  const shared = districts.reduce((sum, d) => sum + d.shareMillimes, 0);
  if (amount !== null && !errors.amount && shared > amount)
    errors.districts = fieldError("budgets.formErrors.sharesOver");

  if (hasErrors(errors)) return { value: null, errors };
  return {
    value: {
      code,
      structureId,
      title,
      description,
      amountMillimes: amount!,
      rule,
      minSharePercent,
      pickN,
      days,
      voteByEid,
      voteByPaperCode,
      districts,
    },
    errors,
  };
}

/**
 * What may no longer change once voting has opened: the amount, the districts and their shares,
 * the rule, who may vote, and the dates up to the close of voting (ballots were cast under them).
 * Titles, descriptions, district names and the start of implementation stay editable.
 */
function lockedChanges(
  budget: BudgetRow,
  districts: readonly DistrictRow[],
  v: ParsedBudget,
): FieldErrors<BudgetFormField> {
  const errors: FieldErrors<BudgetFormField> = {};
  const locked: FieldError = fieldError("budgets.formErrors.lockedVoting");
  if (v.amountMillimes !== budget.amountMillimes) errors.amount = locked;
  if (v.rule !== budget.rule) errors.rule = locked;
  if (v.rule === "knapsack" && v.minSharePercent !== budget.minSharePercent) errors.minShare = locked;
  if (v.rule === "pick_n" && v.pickN !== budget.pickN) errors.pickN = locked;
  if (v.voteByEid !== budget.voteByEid || v.voteByPaperCode !== budget.voteByPaperCode)
    errors.voteMethods = locked;
  for (const f of DATE_FIELDS)
    if (f !== "implementationFrom" && v.days[f] !== tunisDay(budget[f])) errors[f] = locked;
  const before = districts.map((d) => `${d.code}:${d.shareMillimes}`).sort();
  const after = v.districts.map((d) => `${d.code}:${d.shareMillimes}`).sort();
  if (before.join() !== after.join()) errors.districts = locked;
  return errors;
}

/** Whether the amount, districts, rule and early dates are fixed (voting has opened). */
export const rulesLocked = (budget: BudgetRow, now = new Date()) =>
  !["upcoming", "proposals", "review"].includes(phaseOf(budget, now));

/**
 * Creates a budget (existing null) or edits one: texts in three languages, amount, districts with
 * their shares, the five phases' start days (Tunis midnight), the rule and who may vote. Nothing is
 * stored when a field is wrong. Once voting has opened, the rules are fixed (lockedChanges). A
 * district that has proposals may not be removed. Audited.
 */
export async function saveBudget(
  db: Db,
  ctx: ActingContext,
  existing: BudgetRow | null,
  input: BudgetInput,
  now = new Date(),
): Promise<Result<{ id: string }, BudgetFormField>> {
  if (existing ? !canBudget(ctx.actor, "manage", existing) : budgetCreateScope(ctx.actor).length === 0)
    throw new Error("saveBudget: not allowed");
  const allowed = budgetCreateScope(ctx.actor);
  const { value: v, errors } = await parseBudget(db, input, existing, allowed);
  if (!v) return { ok: false, errors };
  const oldDistricts = existing
    ? await db.select().from(budgetDistricts).where(eq(budgetDistricts.budgetId, existing.id))
    : [];
  if (existing && rulesLocked(existing, now)) {
    const locked = lockedChanges(existing, oldDistricts, v);
    if (hasErrors(locked)) return { ok: false, errors: locked };
  }
  const removed = oldDistricts.filter((d) => !v.districts.some((n) => n.code === d.code));
  if (removed.length > 0) {
    const used = await db
      .select({ districtId: budgetProposals.districtId })
      .from(budgetProposals)
      .where(
        inArray(
          budgetProposals.districtId,
          removed.map((d) => d.id),
        ),
      )
      .limit(1);
    if (used.length > 0)
      return { ok: false, errors: { districts: fieldError("budgets.formErrors.districtInUse") } };
  }
  // A day left as it was keeps its stored moment; a changed one starts at midnight in Tunis.
  const dates = Object.fromEntries(
    DATE_FIELDS.map((f) => [
      f,
      existing && tunisDay(existing[f]) === v.days[f] ? existing[f] : startOfTunisDay(v.days[f]),
    ]),
  ) as Record<DateField, Date>;
  const fields = {
    title: v.title,
    description: v.description,
    amountMillimes: v.amountMillimes,
    rule: v.rule,
    minSharePercent: v.minSharePercent,
    pickN: v.pickN,
    voteByEid: v.voteByEid,
    voteByPaperCode: v.voteByPaperCode,
    ...dates,
  };
  const id = await db.transaction(async (tx) => {
    let id: string;
    if (existing) {
      id = existing.id;
      await tx
        .update(budgets)
        .set({ ...fields, updatedAt: now })
        .where(eq(budgets.id, id));
    } else {
      const [row] = await tx
        .insert(budgets)
        .values({
          ...fields,
          code: v.code,
          structureId: v.structureId,
          voterKeySalt: randomBytes(16).toString("hex"),
        })
        .returning({ id: budgets.id });
      id = row!.id;
    }
    if (removed.length > 0)
      await tx.delete(budgetDistricts).where(
        inArray(
          budgetDistricts.id,
          removed.map((d) => d.id),
        ),
      );
    for (const d of v.districts) {
      const old = oldDistricts.find((o) => o.code === d.code);
      if (old)
        await tx
          .update(budgetDistricts)
          .set({ name: d.name, shareMillimes: d.shareMillimes, updatedAt: now })
          .where(eq(budgetDistricts.id, old.id));
      else await tx.insert(budgetDistricts).values({ budgetId: id, ...d });
    }
    await audit(
      tx,
      {
        action: existing ? "budgets.updated" : "budgets.created",
        subjectType: "budget",
        subjectId: id,
        structureId: v.structureId,
        details: {
          code: v.code,
          amountMillimes: v.amountMillimes,
          rule: v.rule,
          districts: v.districts.map((d) => ({ code: d.code, shareMillimes: d.shareMillimes })),
        },
      },
      ctx.request,
      ctx.actor.accountId,
    );
    return id;
  });
  return { ok: true, value: { id } };
}
