import { sql } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { type Db, rowsOf } from "../../db/client.js";
import { STATS_MIN_CASES } from "../cases/stats/queries.js";

/** Below this many requests a structure is not ranked, and its figures are not published. */
export const MIN_CASES = STATS_MIN_CASES;

/**
 * The rollups change only when refresh.ts rebuilds them: each node keeps the figures it read, per
 * database, refresh and question, and asks again after the next refresh. Live figures (the overdue
 * list, the funnel, the action plan's results) are never kept.
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

export const within = (scope: Scope, column = sql`structure_id`) =>
  scope === null
    ? sql`true`
    : scope.length === 0
      ? sql`false`
      : sql`${column} in ${sql`(${sql.join(
          scope.map((s) => sql`${s}`),
          sql`, `,
        )})`}`;

export const num = (v: number | string | null) => (v === null ? null : Number(v));

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
  counts: Record<string, Record<string, number>>;
  /** Contributions of every mechanism per month. */
  totals: Record<string, number>;
}

/** Zero for each of `mechanisms` (names, mechanisms.ts gives them in order). */
const zeroes = (mechanisms: readonly string[]) =>
  Object.fromEntries(mechanisms.map((m) => [m, 0])) as Record<string, number>;

/** Contributions per month and mechanism, for the names in `mechanisms` (mechanismsOf). */
export async function usageByMonth(
  db: Db,
  months: string[],
  scope: Scope,
  mechanisms: readonly string[],
): Promise<UsageGrid> {
  const rows = rowsOf<{ month: string; mechanism: string; n: number }>(
    await db.execute(sql`
      select month, mechanism, sum(count)::int as n from insights_usage
      where month >= ${months[0]} and month <= ${months[months.length - 1]}
        and governorate = '*' and mechanism not like 'account_%' and ${within(scope)}
      group by month, mechanism`),
  );
  const counts: UsageGrid["counts"] = {};
  const totals: Record<string, number> = {};
  for (const month of months) {
    counts[month] = zeroes(mechanisms);
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
export async function usageByStructure(db: Db, scope: Scope, mechanisms: readonly string[]) {
  const rows = rowsOf<{ id: string; code: string; name: LocalizedText; mechanism: string; n: number }>(
    await db.execute(sql`
      select s.id, s.code, s.name, u.mechanism, sum(u.count)::int as n
      from insights_usage u join structures s on s.id = u.structure_id
      where u.month = '*' and u.governorate = '*' and u.mechanism not like 'account_%'
        and ${within(scope, sql`u.structure_id`)}
      group by s.id, s.code, s.name, u.mechanism order by s.code`),
  );
  const byId = new Map<
    string,
    { id: string; code: string; name: LocalizedText; counts: Record<string, number>; total: number }
  >();
  for (const r of rows) {
    let s = byId.get(r.id);
    if (!s) {
      s = {
        id: r.id,
        code: r.code,
        name: r.name,
        counts: zeroes(mechanisms),
        total: 0,
      };
      byId.set(r.id, s);
    }
    if (r.mechanism in s.counts) s.counts[r.mechanism] = Number(r.n);
    s.total += Number(r.n);
  }
  return [...byId.values()];
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
