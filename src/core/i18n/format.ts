import { INTL_TAG } from "./catalog.js";
import type { Locale } from "./localized.js";

/**
 * The one place dates, times and numbers are written for people. One date style ("6 ديسمبر 2026",
 * "6 décembre 2026", "6 December 2026": ar-TN gives the Tunisian month names جانفي، فيفري…), a 24-hour
 * clock in every language, the weekday where the day matters (events, calendar days) and the full
 * year wherever a month stands alone (charts). Times are read in Tunisia's time zone.
 */
const TIME_ZONE = "Africa/Tunis";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const STYLES = {
  date: { dateStyle: "long" },
  dateTime: { dateStyle: "long", timeStyle: "short", hourCycle: "h23" },
  eventTime: { dateStyle: "full", timeStyle: "short", hourCycle: "h23" },
  day: { dateStyle: "full" },
  monthDay: { day: "numeric", month: "long" },
  monthName: { month: "long" },
  month: { month: "long", year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

function format(style: keyof typeof STYLES, date: Date, locale: Locale, timeZone = TIME_ZONE): string {
  return cached(
    `${style}:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(INTL_TAG[locale], { ...STYLES[style], timeZone }),
  ).format(date);
}

/** A "YYYY-MM-DD" calendar day, or "YYYY-MM" month, as a date at noon UTC (the same day everywhere). */
function calendarDay(value: string): Date {
  const [y, m, d = 1] = value.split("-").map(Number) as [number, number, number?];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** "6 ديسمبر 2026" / "6 décembre 2026" / "6 December 2026". */
export function formatDate(date: Date, locale: Locale): string {
  return format("date", date, locale);
}

/** "6 ديسمبر 2026 في 16:54" / "6 décembre 2026 à 16:54" / "6 December 2026 at 16:54". */
export function formatDateTime(date: Date, locale: Locale): string {
  return format("dateTime", date, locale);
}

/** An event's time, with its weekday: "الأحد، 6 ديسمبر 2026 في 16:54" / "dimanche 6 décembre 2026 à 16:54". */
export function formatEventTime(date: Date, locale: Locale): string {
  return format("eventTime", date, locale);
}

/** A calendar day ("YYYY-MM-DD") with its weekday: "vendredi 20 mars 2026". */
export function formatDay(day: string, locale: Locale): string {
  return format("day", calendarDay(day), locale, "UTC");
}

/** A fixed holiday's month and day: "20 mars". */
export function formatMonthDay(month: number, day: number, locale: Locale): string {
  return format("monthDay", new Date(Date.UTC(2000, month - 1, day, 12)), locale, "UTC");
}

/** A month's name (Tunisian Arabic: جانفي، فيفري…). */
export function formatMonthName(month: number, locale: Locale): string {
  return format("monthName", new Date(Date.UTC(2000, month - 1, 1, 12)), locale, "UTC");
}

/** A "YYYY-MM" month with its full year, as charts label it: "جانفي 2026", "janvier 2026". */
export function formatMonth(month: string, locale: Locale): string {
  return format("month", calendarDay(month), locale, "UTC");
}

export function formatNumber(value: number, locale: Locale): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(INTL_TAG[locale])).format(value);
}

const DAY_MS = 86_400_000;

/**
 * How long ago something happened, in whole days, in words: "today", "yesterday", "3 days ago"
 * ("اليوم", "أمس", "قبل 3 أيام"; "aujourd’hui", "hier", "il y a 3 jours"): a queue's age column.
 */
export function formatDaysAgo(date: Date, now: Date, locale: Locale): string {
  const days = Math.max(0, Math.floor((now.getTime() - date.getTime()) / DAY_MS));
  return cachedRelative(locale).format(-days, "day");
}

const relative = new Map<Locale, Intl.RelativeTimeFormat>();
function cachedRelative(locale: Locale): Intl.RelativeTimeFormat {
  let f = relative.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(INTL_TAG[locale], { numeric: "auto" });
    relative.set(locale, f);
  }
  return f;
}
