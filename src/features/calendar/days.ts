/**
 * Calendar days in Tunisia. A day is written "YYYY-MM-DD" and means that date on the wall clocks
 * of Africa/Tunis, whatever time zone the server runs in. Moments become days, and days become
 * moments, through Intl with the Africa/Tunis zone (the IANA database decides the offset, so
 * nothing here assumes UTC+1); the start of each day is asked of Intl once, then remembered. Adding days to a day is plain calendar arithmetic, done on UTC
 * dates, which have no time zone.
 */

export const TIME_ZONE = "Africa/Tunis";

/** A calendar day, "YYYY-MM-DD". */
export type Day = string;

const MS_PER_DAY = 86_400_000;

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

/** The day a moment falls on in Tunis (the UTC day or a neighbour: offsets stay within ±14 h). */
export function tunisDay(moment: Date): Day {
  const t = moment.getTime();
  if (!Number.isFinite(t)) throw new RangeError("invalid date");
  let n = Math.floor(t / MS_PER_DAY);
  while (t < startOf(n)) n--;
  while (t >= startOf(n + 1)) n++;
  return dayFromNumber(n);
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

/** How far the clocks in Tunis are ahead of UTC at a moment, in milliseconds. */
function tunisOffset(moment: number): number {
  const whole = Math.floor(moment / 1000) * 1000;
  const p = wallParts(new Date(whole));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/** The moment clocks in Tunis show midnight at the start of a day. */
export function startOfTunisDay(day: Day): Date {
  return new Date(startOf(dayNumber(day)));
}

/** Midnight in Tunis at the start of day number n, asked of Intl once per day and remembered. */
const starts = new Map<number, number>();
function startOf(n: number): number {
  let start = starts.get(n);
  if (start === undefined) {
    const wall = n * MS_PER_DAY;
    start = wall - tunisOffset(wall);
    // A second pass settles the offset if it changed between the guess and the answer.
    start = wall - tunisOffset(start);
    if (starts.size >= 20_000) starts.clear();
    starts.set(n, start);
  }
  return start;
}

/** The last millisecond of a day in Tunis (23:59:59.999). */
export function endOfTunisDay(day: Day): Date {
  return new Date(startOf(dayNumber(day) + 1) - 1);
}

/**
 * A day as a whole number (days since 1970-01-01), for loops that walk many days: cheaper than
 * strings, and still plain calendar arithmetic.
 */
export function dayNumber(day: Day): number {
  return utcOf(day).getTime() / MS_PER_DAY;
}

export function dayFromNumber(n: number): Day {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a day number (1970-01-01 was a Thursday, 4). */
export function weekdayOfNumber(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** The year of a day. */
export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}
