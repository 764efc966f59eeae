import { pickLocalized } from "../../core/i18n/localized.js";
import type { Db } from "../../db/client.js";
import { listOverdue, listServiceLevels, type ServiceLevel } from "./level-queries.js";
import {
  accountsByMonth,
  funnel,
  lastMonths,
  type Scope,
  usageByGovernorate,
  usageByMonth,
  usageByStructure,
} from "./queries.js";

/** How many months the dashboards and their exports cover. */
export const MONTHS = 12;

export type Row = Record<string, string | number | null>;

export const levelRow = (l: ServiceLevel): Row => ({
  structure_code: l.code,
  structure: pickLocalized(l.name, "fr").text,
  rank: l.rank,
  received: l.received,
  answered: l.answered,
  median_first_response_hours: l.medianHours,
  p90_first_response_hours: l.p90Hours,
  deadline_known: l.deadlineKnown,
  answered_in_time: l.answeredInTime,
  share_answered_in_time: l.shareInTime,
  backlog: l.backlog,
  overdue: l.overdue,
  transfers_out: l.transfersOut,
  transfers_in: l.transfersIn,
  ratings: l.ratings,
  mean_satisfaction: l.meanSatisfaction,
});

/** The names of the mechanisms counted, in order (mechanismsOf): the usage tables' columns. */
type Mechanisms = readonly string[];

export async function usageRows(db: Db, now: Date, scope: Scope, mechanisms: Mechanisms): Promise<Row[]> {
  const usage = await usageByMonth(db, lastMonths(now, MONTHS), scope, mechanisms);
  return usage.months.map((month) => ({ month, ...usage.counts[month], total: usage.totals[month] ?? 0 }));
}

/**
 * Every table of the admin dashboard as rows with stable column names (the CSV headers). National
 * tables (accounts, funnel) are for platform admins only: the route checks before asking.
 */
export const ADMIN_TABLES: Record<
  string,
  (db: Db, now: Date, scope: Scope, mechanisms: Mechanisms) => Promise<Row[]>
> = {
  usage: usageRows,
  governorates: async (db, _now, scope) =>
    (await usageByGovernorate(db, scope)).map((g) => ({ place: g.code, contributions: g.n })),
  structures: async (db, _now, scope, mechanisms) =>
    (await usageByStructure(db, scope, mechanisms)).map((s) => ({
      structure_code: s.code,
      structure: pickLocalized(s.name, "fr").text,
      ...Object.fromEntries(mechanisms.map((m) => [m, s.counts[m] ?? 0])),
      total: s.total,
    })),
  accounts: async (db, now) =>
    (await accountsByMonth(db, lastMonths(now, MONTHS))).map((a) => ({
      month: a.month,
      new_accounts: a.created,
      active_accounts: a.active,
    })),
  funnel: async (db, now) =>
    (await funnel(db, now)).map((f) => ({
      form: f.form,
      opened: f.opened,
      submitted: f.submitted,
      rate: f.rate,
    })),
  "service-levels": async (db, _now, scope) => (await listServiceLevels(db, scope)).map(levelRow),
  overdue: async (db, now, scope) =>
    (await listOverdue(db, scope, now, 10_000)).map((c) => ({
      reference: c.reference,
      type: c.type,
      structure_code: c.code,
      due_at: c.dueAt.toISOString(),
    })),
};
export const NATIONAL_TABLES = new Set(["accounts", "funnel"]);
