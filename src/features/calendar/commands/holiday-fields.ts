import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { isUniqueViolation } from "../../../db/errors.js";
import { isDay } from "../days.js";
import { parseDay, parseInteger, parseNames } from "./fields.js";

export type HolidayField = "kind" | "date" | "month" | "day" | "nameAr" | "nameFr" | "nameEn";
export type HolidayInput = Partial<Record<HolidayField, string>>;

/** A holiday as stored: fixed ones have a month and day, dated ones a date. */
export type HolidayValues =
  | { kind: "fixed"; month: number; day: number; date: null; name: LocalizedText }
  | { kind: "dated"; date: string; month: null; day: null; name: LocalizedText };

/** Checks a holiday form. Fixed holidays take a month and a day (29 February allowed), dated ones a date. */
export function parseHoliday(input: HolidayInput): Result<HolidayValues, HolidayField> {
  const errors: FieldErrors<HolidayField> = {};
  const kind = text(input.kind);
  if (kind !== "fixed" && kind !== "dated") errors.kind = fieldError("calendar.errors.kind");
  const name = parseNames(
    { ar: input.nameAr, fr: input.nameFr, en: input.nameEn },
    { ar: "nameAr", fr: "nameFr", en: "nameEn" },
    errors,
  );
  let values: HolidayValues | null = null;
  if (kind === "dated") {
    const date = parseDay(input.date);
    if (!text(input.date)) errors.date = fieldError("calendar.errors.dateRequired");
    else if (!date) errors.date = fieldError("calendar.errors.dateInvalid");
    else values = { kind, date, month: null, day: null, name };
  } else if (kind === "fixed") {
    const month = parseInteger(input.month);
    const day = parseInteger(input.day);
    if (month === null || month < 1 || month > 12) errors.month = fieldError("calendar.errors.month");
    // A leap year (2000) accepts 29 February; other days must exist in that month.
    else if (day === null || !isDay(`2000-${pad(month)}-${pad(day)}`))
      errors.day = fieldError("calendar.errors.day");
    else values = { kind, month, day, date: null, name };
  }
  if (hasErrors(errors) || !values) return { ok: false, errors };
  return { ok: true, value: values };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** What the audit log keeps of a holiday: when it falls, never more. */
export function holidayDetails(h: {
  kind: string;
  date: string | null;
  month: number | null;
  day: number | null;
}) {
  return h.kind === "fixed" ? { kind: h.kind, month: h.month, day: h.day } : { kind: h.kind, date: h.date };
}

/** The error for a day that already has a holiday of the same kind. */
function taken(values: HolidayValues): Result<never, HolidayField> {
  return {
    ok: false,
    errors:
      values.kind === "dated"
        ? { date: fieldError("calendar.errors.taken") }
        : { day: fieldError("calendar.errors.taken") },
  };
}

/**
 * Checks a holiday form, then writes it in one transaction (with its audit event); a day that
 * already has a holiday of that kind is the form's error. Tells the year to show the holiday in.
 */
export async function writeHoliday<T extends object>(
  db: Db,
  input: HolidayInput,
  write: (tx: Db, values: HolidayValues) => Promise<T>,
): Promise<Result<T & { year: number | null }, HolidayField>> {
  const parsed = parseHoliday(input);
  if (!parsed.ok) return parsed;
  const values = parsed.value;
  try {
    const written = await db.transaction((tx) => write(tx, values));
    return { ok: true, value: { ...written, year: values.date ? Number(values.date.slice(0, 4)) : null } };
  } catch (error) {
    if (isUniqueViolation(error)) return taken(values);
    throw error;
  }
}
