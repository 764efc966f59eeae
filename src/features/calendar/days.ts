/**
 * Calendar days in Tunisia. A day is written "YYYY-MM-DD" and means that date on the wall clocks
 * of Africa/Tunis, whatever time zone the server runs in. Moments become days, and days become
 * moments, through Intl with the Africa/Tunis zone (the IANA database decides the offset, so
 * nothing here assumes UTC+1). Adding days to a day is plain calendar arithmetic, done on UTC
 * dates, which have no time zone.
 */

export const TIME_ZONE = "Africa/Tunis";

/** A calendar day, "YYYY-MM-DD". */
export type Day = string;

const wallClock = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

/** The date and time a moment shows on clocks in Tunis. */
function wallParts(moment: Date) {
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(moment)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function dayOf(year: number, month: number, day: number): Day {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The day a moment falls on in Tunis. */
export function tunisDay(moment: Date): Day {
  const p = wallParts(moment);
  return dayOf(p.year, p.month, p.day);
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar day written "YYYY-MM-DD" (not 2026-02-30). */
export function isDay(value: unknown): value is Day {
  if (typeof value !== "string") return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
}

function utcOf(day: Day): Date {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The day `n` days after (or before, when negative) a day. */
export function shiftDay(day: Day, n: number): Day {
  const utc = utcOf(day);
  utc.setUTCDate(utc.getUTCDate() + n);
  return dayOf(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** ISO weekday of a day: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(day: Day): number {
  return utcOf(day).getUTCDay() || 7;
}

/** How far the clocks in Tunis are ahead of UTC at a moment, in milliseconds. */
function tunisOffset(moment: number): number {
  const whole = Math.floor(moment / 1000) * 1000;
  const p = wallParts(new Date(whole));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/** The moment clocks in Tunis show midnight at the start of a day. */
export function startOfTunisDay(day: Day): Date {
  const wall = utcOf(day).getTime();
  let moment = wall - tunisOffset(wall);
  // A second pass settles the offset if it changed between the guess and the answer.
  const settled = wall - tunisOffset(moment);
  if (settled !== moment) moment = settled;
  return new Date(moment);
}

/** The last millisecond of a day in Tunis (23:59:59.999). */
export function endOfTunisDay(day: Day): Date {
  return new Date(startOfTunisDay(shiftDay(day, 1)).getTime() - 1);
}

/** The year of a day. */
export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}
