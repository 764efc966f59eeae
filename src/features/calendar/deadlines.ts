import {
  type Day,
  dayFromNumber,
  dayNumber,
  endOfTunisDay,
  isDay,
  startOfTunisDay,
  tunisDay,
  weekdayOfNumber,
} from "./days.js";

/**
 * The legal-deadline engine of E-Citizen requests: pure functions, no database. Every rule counts
 * whole days in Africa/Tunis (see days.ts), so the server's own time zone never matters.
 *
 * The rules, in one place:
 * - A working day is a day that is neither a weekend day nor a public holiday.
 * - The day a request arrives never counts. Its deadline is the END (23:59:59.999, Tunis time) of
 *   the Nth working day after that day: filed on Friday 9 January 2026 with 7 working days, it is
 *   due at the end of Tuesday 20 January (Mon 12 … Fri 16 are days 1–5, Mon 19 and Tue 20 days 6–7).
 * - Pauses (the agent asked the citizen for more information, where the policy allows it): a pause
 *   covers the days from the day it started, included, to the day it ended, excluded. The clock
 *   counts only working days that no pause covers, so the deadline moves by the working days the
 *   pause covered before the deadline was reached. Consequences, on purpose:
 *     · asked and answered on the same day: nothing is covered, the deadline does not move;
 *     · asked on Monday, answered on Wednesday: Monday and Tuesday are covered (2 working days);
 *       Wednesday, when the answer came, counts again for the structure;
 *     · overlapping pauses count each day once; a pause covering only weekends or holidays moves nothing;
 *     · a pause cannot revive a clock that has run out: days after the due day are never counted,
 *       and a question asked after the due day neither moves nor stops the deadline (the request
 *       stays overdue), so no one can hide a late request by asking a question.
 *   A pause still open (no end yet) that started on or before the due day stops the clock: there
 *   is no running deadline (state "paused", dueAt null) until the citizen answers.
 * - Transfers: when a request is transferred to another structure, the clock restarts at the
 *   competent structure. It gets its own full deadline (its own policy: working days and whether
 *   pauses count) from the day of the transfer, which does not count, as the day of arrival does
 *   not. This follows common administrative practice (the competent body's time limit runs from
 *   the day it receives the request), and it is fair to the receiving structure, which could not
 *   act before. Each structure in the chain keeps its own deadline, so statistics can tell whether
 *   the structure that passed the request on did so within its own deadline.
 */

/** Weekend days (ISO weekday: 6 = Saturday, 7 = Sunday) and public holidays ("YYYY-MM-DD", Tunis). */
export type Calendar = { weekend: number[]; holidays: Set<string> };

/** Saturday and Sunday: the weekend of Tunisian public administration. */
export const WEEKEND: readonly number[] = [6, 7];

/** A stop of the clock; `to` is null while it lasts. */
export interface Pause {
  from: Date;
  to: Date | null;
}

export type DeadlineState = "on_time" | "due_soon" | "overdue" | "paused";

/** A request's deadline: running towards `dueAt`, or stopped by a pause still open. */
export type Deadline =
  | { state: "running"; dueAt: Date; pausedWorkingDays: number }
  | { state: "paused"; dueAt: null; pausedSince: Date; pausedWorkingDays: number };

export interface DueAtInput {
  /** When the request reached the structure (submission, or the transfer to it). */
  receivedAt: Date;
  workingDays: number;
  pauses?: readonly Pause[];
  /** The policy's pause_allowed: when false, pauses are ignored and the clock never stops. Default true. */
  pauseAllowed?: boolean;
  cal: Calendar;
}

/** No search for a working day goes further than this (a calendar without any would loop forever). */
const MAX_SPAN_DAYS = 366 * 20;

function dayOfInput(date: Date | Day): Day {
  if (typeof date !== "string") return tunisDay(date);
  if (!isDay(date)) throw new RangeError(`not a day: ${date}`);
  return date;
}

/** Whether a moment's day (or a "YYYY-MM-DD" day) is a working day in Tunis. */
export function isWorkingDay(date: Date | Day, cal: Calendar): boolean {
  return isWorkingNumber(dayNumber(dayOfInput(date)), cal);
}

function isWorkingNumber(n: number, cal: Calendar): boolean {
  return !cal.weekend.includes(weekdayOfNumber(n)) && !cal.holidays.has(dayFromNumber(n));
}

/** The day number of a moment's day in Tunis. */
const tunisNumber = (moment: Date) => dayNumber(tunisDay(moment));

function checkWorkingDays(days: number) {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`working days must be an integer ≥ 0: ${days}`);
}

/**
 * Walks forward from the day after `start` and returns the day on which the `days`-th counted
 * day falls, with how many working days `skip` made it pass over. `days` = 0 gives `start`'s day.
 */
function walk(start: number, days: number, cal: Calendar, skip: (n: number) => boolean) {
  let n = start;
  let counted = 0;
  let skipped = 0;
  while (counted < days) {
    if (n - start > MAX_SPAN_DAYS) throw new RangeError("the calendar has no working day in reach");
    n++;
    if (!isWorkingNumber(n, cal)) continue;
    if (skip(n)) skipped++;
    else counted++;
  }
  return { n, skipped };
}

/** The end (23:59:59.999 Tunis time) of the `days`-th working day after the day of `start`. */
export function addWorkingDays(start: Date, days: number, cal: Calendar): Date {
  checkWorkingDays(days);
  return endOfTunisDay(dayFromNumber(walk(tunisNumber(start), days, cal, () => false).n));
}

/** The days a closed pause covers: from its first day, included, to its last day, excluded. */
function coveredDays(pauses: readonly Pause[]): Set<number> {
  const covered = new Set<number>();
  for (const pause of pauses) {
    if (!pause.to) continue;
    const first = tunisNumber(pause.from);
    const last = Math.min(tunisNumber(pause.to), first + MAX_SPAN_DAYS);
    for (let n = first; n < last; n++) covered.add(n);
  }
  return covered;
}

/** A request's deadline, given its pauses (see the rules at the top of this file). */
export function dueAt({
  receivedAt,
  workingDays,
  pauses = [],
  pauseAllowed = true,
  cal,
}: DueAtInput): Deadline {
  checkWorkingDays(workingDays);
  const counted = pauseAllowed ? pauses : [];
  const covered = coveredDays(counted);
  const { n: due, skipped } = walk(tunisNumber(receivedAt), workingDays, cal, (n) => covered.has(n));
  const open = counted
    .filter((p) => p.to === null && tunisNumber(p.from) <= due)
    .sort((a, b) => a.from.getTime() - b.from.getTime())[0];
  if (open) return { state: "paused", dueAt: null, pausedSince: open.from, pausedWorkingDays: skipped };
  return { state: "running", dueAt: endOfTunisDay(dayFromNumber(due)), pausedWorkingDays: skipped };
}

/** The deadline at the structure a request was transferred to: its own full deadline from the transfer. */
export function dueAtAfterTransfer(
  input: Omit<DueAtInput, "receivedAt"> & { transferredAt: Date },
): Deadline {
  const { transferredAt, ...rest } = input;
  return dueAt({ ...rest, receivedAt: transferredAt });
}

/** One structure's stretch of a request's life: from arrival (or transfer to it) to the next transfer. */
export interface ClockLeg {
  startedAt: Date;
  /** That structure's policy. */
  workingDays: number;
  pauseAllowed?: boolean;
}

export interface LegDeadline {
  startedAt: Date;
  /** When the request left this structure (the next transfer), or null for the current one. */
  endedAt: Date | null;
  /** The deadline this structure had, as it stood when the request left it (or now). */
  deadline: Deadline;
  /**
   * For a structure that passed the request on: whether it did so within its deadline (true when
   * its clock was paused at the time). Null for the current structure.
   */
  transferredInTime: boolean | null;
}

/**
 * The deadlines of a request transferred along a chain of structures. `legs` come in order: the
 * first structure from the submission, then one leg per transfer. A pause that spans a transfer
 * counts, for the structure that passed the request on, as still open when it left.
 */
export function deadlineChain({
  legs,
  pauses = [],
  cal,
}: {
  legs: readonly ClockLeg[];
  pauses?: readonly Pause[];
  cal: Calendar;
}): { legs: LegDeadline[]; current: Deadline } {
  if (legs.length === 0) throw new RangeError("a chain needs at least one leg");
  const result = legs.map((leg, index): LegDeadline => {
    const endedAt = legs[index + 1]?.startedAt ?? null;
    const seen = endedAt
      ? pauses
          .filter((p) => p.from < endedAt)
          .map((p) => (p.to === null || p.to > endedAt ? { from: p.from, to: null } : p))
      : pauses;
    const deadline = dueAt({
      receivedAt: leg.startedAt,
      workingDays: leg.workingDays,
      pauseAllowed: leg.pauseAllowed,
      pauses: seen,
      cal,
    });
    const transferredInTime = endedAt
      ? deadline.state === "paused" || endedAt.getTime() <= deadline.dueAt.getTime()
      : null;
    return { startedAt: leg.startedAt, endedAt, deadline, transferredInTime };
  });
  return { legs: result, current: result[result.length - 1]!.deadline };
}

/**
 * From when a deadline is "due soon": the start of the first day from which at most
 * `dueSoonWorkingDays` working days are left, counting that day (when it is a working day)
 * through the due day. With 2, a request due on Tuesday is due soon from Saturday 00:00 (Monday and
 * Tuesday are left), and not on Friday (Friday, Monday and Tuesday are left). Storing this moment
 * beside dueAt lets a database query filter by state without a calendar.
 */
export function dueSoonFrom(due: Date, dueSoonWorkingDays: number, cal: Calendar): Date {
  if (dueSoonWorkingDays <= 0) return due;
  let n = tunisNumber(due);
  let left = isWorkingNumber(n, cal) ? 1 : 0;
  for (let steps = 0; steps < MAX_SPAN_DAYS; steps++) {
    const leftBefore = left + (isWorkingNumber(n - 1, cal) ? 1 : 0);
    if (leftBefore > dueSoonWorkingDays) break;
    n--;
    left = leftBefore;
  }
  return startOfTunisDay(dayFromNumber(n));
}

/** Where a deadline stands at `now`. A null due date means the clock is paused. */
export function deadlineState(
  now: Date,
  due: Date | null,
  { dueSoonWorkingDays = 2 }: { dueSoonWorkingDays?: number },
  cal: Calendar,
): DeadlineState {
  if (due === null) return "paused";
  if (now.getTime() > due.getTime()) return "overdue";
  if (now.getTime() >= dueSoonFrom(due, dueSoonWorkingDays, cal).getTime()) return "due_soon";
  return "on_time";
}

/**
 * Working days from `a` to `b`: those after a's day, up to and including b's day (0 when b falls
 * on a's day or before). Answered the day it arrived: 0; arrived on Friday, answered on Monday: 1.
 * It is the inverse of addWorkingDays: workingDaysBetween(s, addWorkingDays(s, n)) = n.
 */
export function workingDaysBetween(a: Date, b: Date, cal: Calendar): number {
  const last = tunisNumber(b);
  let count = 0;
  for (let n = tunisNumber(a) + 1; n <= last; n++) {
    if (isWorkingNumber(n, cal)) count++;
  }
  return count;
}

/** A holiday as stored: a fixed month and day every year, or one dated day. */
export type HolidayRule = { kind: "fixed"; month: number; day: number } | { kind: "dated"; date: Day };

/** The Calendar for the years fromYear..toYear: Saturday and Sunday off, and every holiday in those years. */
export function buildCalendar(rules: readonly HolidayRule[], fromYear: number, toYear: number): Calendar {
  const days = new Set<string>();
  for (const rule of rules) {
    if (rule.kind === "dated") {
      const year = Number(rule.date.slice(0, 4));
      if (year >= fromYear && year <= toYear) days.add(rule.date);
      continue;
    }
    for (let year = fromYear; year <= toYear; year++) {
      const day = `${String(year).padStart(4, "0")}-${String(rule.month).padStart(2, "0")}-${String(rule.day).padStart(2, "0")}`;
      // 29 February falls only in leap years.
      if (isDay(day)) days.add(day);
    }
  }
  return { weekend: [...WEEKEND], holidays: days };
}
