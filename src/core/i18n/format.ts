import { INTL_TAG } from "./catalog.js";
import type { Locale } from "./localized.js";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function formatDate(date: Date, locale: Locale, style: "long" | "short" = "long"): string {
  return cached(
    `d:${locale}:${style}`,
    () => new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: style, timeZone: "Africa/Tunis" }),
  ).format(date);
}

export function formatDateTime(date: Date, locale: Locale): string {
  return cached(
    `dt:${locale}`,
    () =>
      new Intl.DateTimeFormat(INTL_TAG[locale], {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "Africa/Tunis",
      }),
  ).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(INTL_TAG[locale])).format(value);
}
