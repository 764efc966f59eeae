import { shiftDay, startOfTunisDay, tunisDay } from "../../calendar/days.js";
import { addWorkingDays, type Calendar, isWorkingDay } from "../../calendar/deadlines.js";

/**
 * The assignee is reminded once at most this many working days are left after today: on a working
 * day, a request due today or by the end of the next working day (then the queue already tags it
 * "due soon"); on a weekend or holiday, one due by the end of the next working day. So a reminder
 * always leaves at least one full working day, or the rest of the due day for one found late.
 */
export const REMIND_WORKING_DAYS = 1;

/** A request overdue by more than this many working days goes to the central office. */
export const CENTRAL_OFFICE_AFTER_WORKING_DAYS = 3;

/** The moments the deadline job compares due_at with, so one indexed range query finds each step. */
export interface EscalationThresholds {
  now: Date;
  /** Not yet overdue, and due at or before this: remind (level 0 → 1). */
  remindUntil: Date;
  /** Due before this: overdue by more than CENTRAL_OFFICE_AFTER_WORKING_DAYS working days (level 2 → 3). */
  centralOfficeBefore: Date;
}

/**
 * The start (00:00 in Tunis) of the n-th working day counting back from now's day, which is the
 * first when it is a working day. A deadline that falls before it has had at least n working days
 * pass after its day, up to today included: workingDaysBetween(dueAt, now) ≥ n exactly when
 * dueAt < startOfWorkingDayBack(now, n).
 */
export function startOfWorkingDayBack(now: Date, n: number, cal: Calendar): Date {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer ≥ 1: ${n}`);
  let day = tunisDay(now);
  let found = 0;
  for (let steps = 0; steps < 366 * 20; steps++) {
    if (isWorkingDay(day, cal)) {
      found++;
      if (found === n) return startOfTunisDay(day);
    }
    day = shiftDay(day, -1);
  }
  throw new RangeError("the calendar has no working day in reach");
}

export function escalationThresholds(
  now: Date,
  cal: Calendar,
  { remind = REMIND_WORKING_DAYS, centralOffice = CENTRAL_OFFICE_AFTER_WORKING_DAYS } = {},
): EscalationThresholds {
  return {
    now,
    remindUntil: addWorkingDays(now, remind, cal),
    centralOfficeBefore: startOfWorkingDayBack(now, centralOffice + 1, cal),
  };
}
