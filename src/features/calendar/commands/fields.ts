import { type FieldErrors, fieldError, text } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { isDay } from "../days.js";

/** Arabic-Indic and Persian digits typed on Arabic keyboards, read as 0–9. */
export function asciiDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** A whole number typed in a form, or null. */
export function parseInteger(value: string | undefined): number | null {
  const digits = asciiDigits(text(value));
  return /^\d{1,4}$/.test(digits) ? Number(digits) : null;
}

/**
 * A day typed as 2026-03-20, 20/03/2026 or 20-03-2026 (Arabic digits too), as "YYYY-MM-DD";
 * null when it is not a real date between 2000 and 2100.
 */
export function parseDay(value: string | undefined): string | null {
  const typed = asciiDigits(text(value)).replace(/\s+/g, "");
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  if (iso) [, y, m, d] = iso;
  else if (local) [, d, m, y] = local;
  else return null;
  const day = `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
  const year = Number(y);
  return isDay(day) && year >= 2000 && year <= 2100 ? day : null;
}

export const NAME_MAX = 200;
export const LEGAL_BASIS_MAX = 1000;

/** Names in the three languages, each required and bounded. */
export function parseNames<K extends string>(
  values: { ar: string | undefined; fr: string | undefined; en: string | undefined },
  fields: { ar: K; fr: K; en: K },
  errors: FieldErrors<K>,
): LocalizedText {
  const name: LocalizedText = {};
  for (const locale of ["ar", "fr", "en"] as const) {
    const value = text(values[locale]);
    if (!value) errors[fields[locale]] = fieldError(`calendar.errors.name.${locale}`);
    else if (value.length > NAME_MAX)
      errors[fields[locale]] = fieldError("calendar.errors.nameLong", { lang: locale, max: NAME_MAX });
    else name[locale] = value;
  }
  return name;
}
