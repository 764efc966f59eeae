import { type SQL, sql } from "drizzle-orm";
import { cases } from "../tables.js";
import { isOpenCase, overdueCondition } from "../workspace/deadline-state.js";

/** Hours from a request's arrival at its structure to its first response there. */
const responseHours = sql`extract(epoch from ${cases.firstResponseAt} - ${cases.clockStartedAt}) / 3600`;
/** The first response came at this structure (not at one that passed the request on before it arrived). */
const respondedHere = sql`${cases.firstResponseAt} >= ${cases.clockStartedAt}`;
const percentile = (p: number) =>
  sql`(percentile_cont(${sql.raw(String(p))}) within group (order by ${responseHours}) filter (where ${respondedHere}))::float8`;

/**
 * How a structure answers requests: each service-level figure, defined once, as an SQL aggregate
 * over rows of `cases` that any grouping can select (a structure, a structure × type × channel ×
 * month, every structure at once). The structure's public page, the open-data dataset
 * request-statistics and the insights rollups all read these, so they agree on the same requests.
 * `now` decides which deadlines have passed.
 * - received: every request held (those transferred away count where they went);
 * - answered: those with an answer (a reply to the citizen);
 * - median_hours, p90_hours: percentiles of the calendar hours from arrival at the structure
 *   (submission, or transfer to it) to the first response there (an answer, or a question to the
 *   citizen), over the requests whose first response came there; null without any;
 * - overdue: open, the clock running, past the deadline (the staff queue's "overdue"; a question
 *   asked once the deadline had passed does not stop the clock, so such a request counts);
 * - deadline_known: requests with a deadline whose outcome is known: answered, or overdue. Requests
 *   closed without an answer (not competent, duplicate, withdrawn…), those whose clock is stopped
 *   while the citizen is asked, and those not yet due are left out;
 * - answered_in_time: of those, answered at or before the deadline;
 * - backlog: open requests (new, in progress, awaiting the citizen);
 * - transfers_in: requests held that came by a transfer;
 * - ratings, mean_satisfaction: the citizens' 1–5 ratings, their count and mean (null without any).
 */
const FIGURES = {
  received: () => sql`count(*)::int`,
  answered: () => sql`count(*) filter (where ${cases.answeredAt} is not null)::int`,
  median_hours: () => percentile(0.5),
  p90_hours: () => percentile(0.9),
  deadline_known: (now: Date) =>
    sql`count(*) filter (where ${cases.dueAt} is not null and (${cases.answeredAt} is not null or ${overdueCondition(now)}))::int`,
  answered_in_time: () =>
    sql`count(*) filter (where ${cases.dueAt} is not null and ${cases.answeredAt} <= ${cases.dueAt})::int`,
  backlog: () => sql`count(*) filter (where ${isOpenCase()})::int`,
  overdue: (now: Date) => sql`count(*) filter (where ${overdueCondition(now)})::int`,
  transfers_in: () => sql`count(*) filter (where ${cases.transferCount} > 0)::int`,
  ratings: () => sql`count(${cases.satisfaction})::int`,
  mean_satisfaction: () => sql`avg(${cases.satisfaction})::float8`,
} satisfies Record<string, (now: Date) => SQL>;

export type ServiceLevelFigure = keyof typeof FIGURES;

/** The chosen figures as select items (`<aggregate> as <name>`, comma-separated), for a query over `cases`. */
export function serviceLevelColumns(names: readonly ServiceLevelFigure[], now: Date): SQL {
  return sql.join(
    names.map((name) => sql`${FIGURES[name](now)} as ${sql.identifier(name)}`),
    sql`, `,
  );
}

/** The share answered within the deadline: answered_in_time / deadline_known, null when nothing is known. */
export function shareInTime(deadlineKnown: number | string, answeredInTime: number | string): number | null {
  return Number(deadlineKnown) > 0 ? Number(answeredInTime) / Number(deadlineKnown) : null;
}
