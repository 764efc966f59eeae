import type { Day } from "../days.js";
import { buildCalendar, type Calendar, type HolidayRule } from "../deadlines.js";

/** The calendar the deadline tests share: Tunisia's fixed holidays and the religious ones of 2026. */
// Every date below is written in UTC. Tunis is UTC+1 all year (no DST), so 23:00Z is midnight there.
export const at = (iso: string) => new Date(iso);
/** The end of a Tunis day, as the engine returns it. */
export const endOf = (day: string) => `${day}T22:59:59.999Z`;

export const RULES: HolidayRule[] = [
  { kind: "fixed", month: 1, day: 1 },
  { kind: "fixed", month: 3, day: 20 },
  { kind: "fixed", month: 4, day: 9 },
  { kind: "fixed", month: 5, day: 1 },
  { kind: "fixed", month: 7, day: 25 },
  { kind: "fixed", month: 8, day: 13 },
  { kind: "fixed", month: 10, day: 15 },
  { kind: "fixed", month: 12, day: 17 },
  { kind: "dated", date: "2026-03-20" }, // Eid al-Fitr, on Independence Day
  { kind: "dated", date: "2026-03-21" }, // its second day, a Saturday
  { kind: "dated", date: "2026-05-27" }, // Eid al-Adha
  { kind: "dated", date: "2026-05-28" },
  { kind: "dated", date: "2026-06-16" },
  { kind: "dated", date: "2026-08-25" },
];
export const cal: Calendar = buildCalendar(RULES, 2025, 2027);
export const noHolidays: Calendar = { weekend: [6, 7], holidays: new Set() };

/**
 * ISO weekday of a day: 1 = Monday … 6 = Saturday, 7 = Sunday. Worked out by Date, apart from the
 * engine's day numbers (days.ts), so tests can check the engine against it; production code needs
 * weekdays of day numbers only (weekdayOfNumber).
 */
export function isoWeekday(day: Day): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}
