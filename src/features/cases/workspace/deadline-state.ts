import { type SQL, sql } from "drizzle-orm";
import {
  addWorkingDays,
  type Calendar,
  type DeadlineState,
  deadlineState,
  isWorkingDay,
} from "../../calendar/deadlines.js";
import { type CaseStatus, OPEN_STATUSES } from "../lifecycle.js";
import { cases } from "../tables.js";

/** Working days left (today included) from which a request is "due soon". */
export const DUE_SOON_WORKING_DAYS = 2;

export const DEADLINE_STATES = [
  "on_time",
  "due_soon",
  "overdue",
  "paused",
] as const satisfies readonly DeadlineState[];

/** A request's deadline as staff see it: a state, or "none" (closed or answered, or no deadline). */
export type CaseDeadlineState = DeadlineState | "none";

/**
 * The latest due moment that counts as "due soon" at `now`: a running deadline is due soon when it
 * is not past and falls on or before this moment. It agrees with deadlineState() of the calendar
 * (at most N working days left, today included when it is a working day), and lets a database
 * query sort requests into states with plain comparisons on due_at, without a calendar.
 */
export function dueSoonLimit(now: Date, cal: Calendar, days = DUE_SOON_WORKING_DAYS): Date {
  if (days <= 0) return now;
  return addWorkingDays(now, days - (isWorkingDay(now, cal) ? 1 : 0), cal);
}

/** The deadline state of one request (the same rule as the SQL below). */
export function caseDeadlineState(
  c: { status: CaseStatus; dueAt: Date | null; pausedAt: Date | null },
  now: Date,
  cal: Calendar,
): CaseDeadlineState {
  if (!OPEN_STATUSES.includes(c.status)) return "none";
  if (c.pausedAt) return "paused";
  if (!c.dueAt) return "none";
  return deadlineState(now, c.dueAt, { dueSoonWorkingDays: DUE_SOON_WORKING_DAYS }, cal);
}

const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));
const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** The deadline state of each row, in SQL. */
export function deadlineStateSql(now: Date, soonLimit: Date): SQL<CaseDeadlineState> {
  return sql<CaseDeadlineState>`case
    when ${cases.status} not in (${OPEN}) then 'none'
    when ${cases.pausedAt} is not null then 'paused'
    when ${cases.dueAt} is null then 'none'
    when ${cases.dueAt} < ${at(now)} then 'overdue'
    when ${cases.dueAt} <= ${at(soonLimit)} then 'due_soon'
    else 'on_time' end`;
}

/** The request is open: new, in progress or awaiting the citizen. */
export const isOpenCase = (): SQL => sql`${cases.status} in (${OPEN})`;

/**
 * Overdue: open, the clock running, past the deadline. One definition for the staff queue, the
 * service levels (stats/service-levels.ts) and the insights overdue list.
 */
export const overdueCondition = (now: Date): SQL =>
  sql`(${isOpenCase()} and ${cases.pausedAt} is null and ${cases.dueAt} < ${at(now)})`;

/** The rows in one deadline state, as conditions an index on due_at can serve. */
export function deadlineCondition(state: DeadlineState, now: Date, soonLimit: Date): SQL {
  const open = isOpenCase();
  switch (state) {
    case "paused":
      return sql`(${open} and ${cases.pausedAt} is not null)`;
    case "overdue":
      return overdueCondition(now);
    case "due_soon":
      return sql`(${open} and ${cases.pausedAt} is null and ${cases.dueAt} >= ${at(now)} and ${cases.dueAt} <= ${at(soonLimit)})`;
    case "on_time":
      return sql`(${open} and ${cases.pausedAt} is null and ${cases.dueAt} > ${at(soonLimit)})`;
  }
}
