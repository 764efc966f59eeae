import { asc, sql } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { type Db, rowsOf } from "../../db/client.js";
import { STATS_MIN_CASES } from "../cases/stats/queries.js";
import { actionPlanMilestones } from "./tables.js";

/** Below this many requests a structure is not ranked, and its figures are not published. */
export const MIN_CASES = STATS_MIN_CASES;

/** The participation mechanisms, in the order the dashboards show them. */
export const MECHANISMS = [
  "consultation_comment",
  "questionnaire_answer",
  "idea",
  "idea_support",
  "forum_post",
  "request_notice",
  "request_complaint",
  "request_suggestion",
  "request_guidance",
  "request_information",
  "integrity_report",
] as const;
export type Mechanism = (typeof MECHANISMS)[number];

/**
 * The rollups change only when refresh.ts rebuilds them: each node keeps the figures it read, per
 * database, refresh and question, and asks again after the next refresh. Live figures (the overdue
 * list, the funnel, the action plan) are never kept.
 */
const kept = new WeakMap<Db, Map<string, unknown>>();
export async function sinceRefresh<T>(
  db: Db,
  refreshedAt: Date | null,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const memo = kept.get(db) ?? new Map<string, unknown>();
  kept.set(db, memo);
  const k = `${refreshedAt?.getTime() ?? "never"}|${key}`;
  if (memo.has(k)) return memo.get(k) as T;
  const value = await load();
  if (memo.size >= 500) memo.clear();
  memo.set(k, value);
  return value;
}

/** Which structures' figures a reader may see: all (null), or these ids. */
export type Scope = readonly string[] | null;

const within = (scope: Scope, column = sql`structure_id`) =>
  scope === null
    ? sql`true`
    : scope.length === 0
      ? sql`false`
      : sql`${column} in ${sql`(${sql.join(
          scope.map((s) => sql`${s}`),
          sql`, `,
        )})`}`;

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** The last `n` months up to `now`'s, oldest first, as "YYYY-MM" (Africa/Tunis). */
export function lastMonths(now: Date, n: number): string[] {
  const [y, m] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Africa/Tunis",
    year: "numeric",
    month: "2-digit",
  })
    .format(now)
    .split("-")
    .map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

/** A month × mechanism grid of counts, every cell present (zeroes included). */
export interface UsageGrid {
  months: string[];
  counts: Record<string, Record<Mechanism, number>>;
  /** Contributions of every mechanism per month. */
  totals: Record<string, number>;
}

export async function usageByMonth(db: Db, months: string[], scope: Scope): Promise<UsageGrid> {
  const rows = rowsOf<{ month: string; mechanism: Mechanism; n: number }>(
    await db.execute(sql`
      select month, mechanism, sum(count)::int as n from insights_usage
      where month >= ${months[0]} and month <= ${months[months.length - 1]}
        and governorate = '*' and mechanism not like 'account_%' and ${within(scope)}
      group by month, mechanism`),
  );
  const counts: UsageGrid["counts"] = {};
  const totals: Record<string, number> = {};
  for (const month of months) {
    counts[month] = Object.fromEntries(MECHANISMS.map((m) => [m, 0])) as Record<Mechanism, number>;
    totals[month] = 0;
  }
  for (const r of rows) {
    const cell = counts[r.month];
    if (!cell || !(r.mechanism in cell)) continue;
    cell[r.mechanism] = Number(r.n);
    totals[r.month]! += Number(r.n);
  }
  return { months, counts, totals };
}

/** New accounts and active accounts (that contributed) per month. */
export async function accountsByMonth(db: Db, months: string[]) {
  const rows = rowsOf<{ month: string; mechanism: string; n: number }>(
    await db.execute(sql`
      select month, mechanism, sum(count)::int as n from insights_usage
      where mechanism in ('account_new', 'account_active') and governorate = '*'
        and month >= ${months[0]} and month <= ${months[months.length - 1]}
      group by month, mechanism`),
  );
  return months.map((month) => ({
    month,
    created: Number(rows.find((r) => r.month === month && r.mechanism === "account_new")?.n ?? 0),
    active: Number(rows.find((r) => r.month === month && r.mechanism === "account_active")?.n ?? 0),
  }));
}

/** Contributions per governorate (every governorate, then "abroad" and "unstated"), all time. */
export async function usageByGovernorate(db: Db, scope: Scope) {
  return rowsOf<{ code: string; name: LocalizedText | null; n: number }>(
    await db.execute(sql`
      with places as (
        select code, name, position from governorates
        union all select 'abroad', null, 1000 union all select 'unstated', null, 1001
      )
      select p.code, p.name, coalesce(sum(u.count), 0)::int as n
      from places p left join insights_usage u
        on u.month = '*' and u.governorate = p.code and u.mechanism not like 'account_%' and ${within(scope, sql`u.structure_id`)}
      group by p.code, p.name, p.position order by p.position`),
  ).map((r) => ({ ...r, n: Number(r.n) }));
}

/** Contributions per structure and mechanism, all time; structures with none are left out. */
export async function usageByStructure(db: Db, scope: Scope) {
  const rows = rowsOf<{ id: string; code: string; name: LocalizedText; mechanism: Mechanism; n: number }>(
    await db.execute(sql`
      select s.id, s.code, s.name, u.mechanism, sum(u.count)::int as n
      from insights_usage u join structures s on s.id = u.structure_id
      where u.month = '*' and u.governorate = '*' and u.mechanism not like 'account_%'
        and ${within(scope, sql`u.structure_id`)}
      group by s.id, s.code, s.name, u.mechanism order by s.code`),
  );
  const byId = new Map<
    string,
    { id: string; code: string; name: LocalizedText; counts: Record<Mechanism, number>; total: number }
  >();
  for (const r of rows) {
    let s = byId.get(r.id);
    if (!s) {
      s = {
        id: r.id,
        code: r.code,
        name: r.name,
        counts: Object.fromEntries(MECHANISMS.map((m) => [m, 0])) as Record<Mechanism, number>,
        total: 0,
      };
      byId.set(r.id, s);
    }
    if (r.mechanism in s.counts) s.counts[r.mechanism] = Number(r.n);
    s.total += Number(r.n);
  }
  return [...byId.values()];
}

export interface ServiceLevel {
  structureId: string;
  code: string;
  name: LocalizedText;
  received: number;
  answered: number;
  medianHours: number | null;
  p90Hours: number | null;
  deadlineKnown: number;
  answeredInTime: number;
  shareInTime: number | null;
  backlog: number;
  overdue: number;
  transfersOut: number;
  transfersIn: number;
  ratings: number;
  meanSatisfaction: number | null;
  /** Fewer than MIN_CASES requests: not ranked, and not public. */
  small: boolean;
  /** 1 for the best share answered in time, among the structures ranked; null when not ranked. */
  rank: number | null;
}

/**
 * Service levels from the rollup, for the structures in scope. Ranked by the share answered within
 * the deadline (then the median response, then the code), among structures with at least MIN_CASES
 * requests and a known share; the others follow, unranked.
 */
export async function listServiceLevels(db: Db, scope: Scope): Promise<ServiceLevel[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select l.*, s.code, s.name from insights_service_levels l join structures s on s.id = l.structure_id
      where ${within(scope, sql`l.structure_id`)} and (l.received > 0 or l.transfers_out > 0)
      order by s.code`),
  );
  const levels: ServiceLevel[] = rows.map((r) => {
    const received = Number(r.received);
    const deadlineKnown = Number(r.deadline_known);
    const inTime = Number(r.answered_in_time);
    return {
      structureId: String(r.structure_id),
      code: String(r.code),
      name: r.name as LocalizedText,
      received,
      answered: Number(r.answered),
      medianHours: num(r.median_hours as number | null),
      p90Hours: num(r.p90_hours as number | null),
      deadlineKnown,
      answeredInTime: inTime,
      shareInTime: deadlineKnown > 0 ? inTime / deadlineKnown : null,
      backlog: Number(r.backlog),
      overdue: Number(r.overdue),
      transfersOut: Number(r.transfers_out),
      transfersIn: Number(r.transfers_in),
      ratings: Number(r.ratings),
      meanSatisfaction: num(r.mean_satisfaction as number | null),
      small: received < MIN_CASES,
      rank: null,
    };
  });
  const ranked = levels
    .filter((l) => !l.small && l.shareInTime !== null)
    .sort(
      (a, b) =>
        b.shareInTime! - a.shareInTime! ||
        (a.medianHours ?? Number.POSITIVE_INFINITY) - (b.medianHours ?? Number.POSITIVE_INFINITY) ||
        a.code.localeCompare(b.code),
    );
  ranked.forEach((l, i) => {
    l.rank = i + 1;
  });
  const rest = levels.filter((l) => l.rank === null);
  return [...ranked, ...rest];
}

/** National figures: the sums over every structure, and the medians over every request. */
export async function nationalFigures(db: Db) {
  const [row] = rowsOf<Record<string, number | null>>(
    await db.execute(sql`
      select coalesce(sum(received), 0)::int as received, coalesce(sum(answered), 0)::int as answered,
        coalesce(sum(deadline_known), 0)::int as deadline_known,
        coalesce(sum(answered_in_time), 0)::int as in_time, coalesce(sum(backlog), 0)::int as backlog,
        coalesce(sum(overdue), 0)::int as overdue, coalesce(sum(ratings), 0)::int as ratings,
        (sum(mean_satisfaction * ratings) / nullif(sum(ratings), 0))::float8 as mean_satisfaction,
        max(refreshed_at) as refreshed_at
      from insights_service_levels`),
  );
  const [usage] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select coalesce(sum(count), 0)::int as n from insights_usage
      where month = '*' and governorate = '*' and mechanism not like 'account_%'`,
    ),
  );
  const r = row!;
  const known = Number(r.deadline_known);
  return {
    contributions: Number(usage!.n),
    received: Number(r.received),
    answered: Number(r.answered),
    deadlineKnown: known,
    answeredInTime: Number(r.in_time),
    shareInTime: known > 0 ? Number(r.in_time) / known : null,
    backlog: Number(r.backlog),
    overdue: Number(r.overdue),
    ratings: Number(r.ratings),
    meanSatisfaction: num(r.mean_satisfaction ?? null),
    refreshedAt: r.refreshed_at ? new Date(r.refreshed_at as unknown as string) : null,
  };
}

/** When the rollups were last rebuilt (null before the first refresh). */
export async function lastRefresh(db: Db): Promise<Date | null> {
  const [row] = rowsOf<{ at: string | null }>(
    await db.execute(sql`select max(refreshed_at) as at from insights_service_levels`),
  );
  return row?.at ? new Date(row.at) : null;
}

/** The oldest overdue open requests of the structures in scope (the deadline index finds them). */
export async function listOverdue(db: Db, scope: Scope, now: Date, limit = 50) {
  return rowsOf<{
    id: string;
    reference: string;
    type: string;
    due_at: string;
    code: string;
    name: LocalizedText;
  }>(
    await db.execute(sql`
      select c.id, c.reference, c.type, c.due_at, s.code, s.name
      from cases c join structures s on s.id = c.structure_id
      where c.status in ('new', 'in_progress') and c.paused_at is null and c.due_at < ${now.toISOString()}::timestamptz
        and ${within(scope, sql`c.structure_id`)}
      order by c.due_at, c.id limit ${limit}`),
  ).map((r) => ({ ...r, dueAt: new Date(r.due_at) }));
}

/** The submission funnel over the last `days` days: forms opened, submitted, per form. */
export async function funnel(db: Db, now: Date, days = 30) {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const rows = rowsOf<{ name: string; n: number }>(
    await db.execute(sql`
      select name, sum(count)::int as n from insights_counters where day > ${since}::date group by name`),
  );
  const get = (name: string) => Number(rows.find((r) => r.name === name)?.n ?? 0);
  return FUNNEL_FORMS.map((form) => {
    const opened = get(`${form}.opened`);
    const submitted = get(`${form}.submitted`);
    return { form, opened, submitted, rate: opened > 0 ? submitted / opened : null };
  });
}

export const FUNNEL_FORMS = ["request", "idea", "forum_thread"] as const;

export async function listMilestones(db: Db) {
  return db
    .select()
    .from(actionPlanMilestones)
    .orderBy(asc(actionPlanMilestones.dueOn), asc(actionPlanMilestones.id));
}
