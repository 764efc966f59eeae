import { sql } from "drizzle-orm";
import { contributionMonth } from "../../core/features/contributions.js";
import type { JobDefinition } from "../../core/jobs/job.js";
import type { FeatureManifest } from "../../core/manifest.js";
import type { Db } from "../../db/client.js";
import { type ServiceLevelFigure, serviceLevelColumns } from "../cases/stats/service-levels.js";
import { cases } from "../cases/tables.js";
import { contributionsQuery } from "./mechanisms.js";

/** Serialises refreshes: two nodes (or a slow run and the next tick) never interleave. */
const REFRESH_LOCK = 0x1a5_1675;

/** The service levels kept per structure (cases/stats/service-levels.ts defines them). */
const FIGURES: readonly ServiceLevelFigure[] = [
  "received",
  "answered",
  "median_hours",
  "p90_hours",
  "deadline_known",
  "answered_in_time",
  "backlog",
  "overdue",
  "transfers_in",
  "ratings",
  "mean_satisfaction",
];

/**
 * Rebuilds the rollups from the source tables in one transaction: usage per month × mechanism ×
 * structure and per governorate × mechanism × structure (with new accounts, and active accounts:
 * those that contributed that month), and each structure's service levels as of `now`. Readers see
 * the old figures until it commits. The contributions are those `features` declare (mechanisms.ts).
 * Returns the rows written.
 */
export async function refreshInsights(
  db: Db,
  features: readonly FeatureManifest[],
  now: Date = new Date(),
): Promise<{ usage: number; structures: number }> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    await tx.execute(sql`delete from insights_usage`);
    // Three grains, so a page never aggregates the full cross product: month × mechanism × structure
    // (governorate "*"), governorate × mechanism × structure (month "*"), and mechanism × structure
    // over all time (both "*"). Accounts by month.
    const usage = await tx.execute(sql`
      insert into insights_usage (month, mechanism, governorate, structure_id, count)
      with contributions (month, mechanism, governorate, structure_id, account_id) as (
        ${contributionsQuery(features)}
      )
      select coalesce(month, '*'), mechanism, coalesce(governorate, '*'), structure_id, count(*)::int
      from contributions
      group by grouping sets (
        (month, mechanism, structure_id), (governorate, mechanism, structure_id), (mechanism, structure_id)
      )
      union all
      select ${contributionMonth("a.created_at")}, 'account_new', '*', null::uuid, count(*)::int
      from accounts a group by 1
      union all
      select month, 'account_active', '*', null::uuid, count(distinct account_id)::int
      from contributions where account_id is not null group by 1`);
    await tx.execute(sql`delete from insights_service_levels`);
    const levels = await tx.execute(sql`
      insert into insights_service_levels (structure_id, received, answered, median_hours, p90_hours,
        deadline_known, answered_in_time, backlog, overdue, transfers_out, transfers_in, ratings,
        mean_satisfaction, refreshed_at)
      with held as (
        select ${cases.structureId} as structure_id, ${serviceLevelColumns(FIGURES, now)}
        from cases group by ${cases.structureId}
      ),
      passed as (
        select (details->>'from')::uuid as structure_id, count(*)::int as n
        from case_events where kind = 'transferred' group by 1
      )
      select s.id, coalesce(h.received, 0), coalesce(h.answered, 0), h.median_hours, h.p90_hours,
        coalesce(h.deadline_known, 0), coalesce(h.answered_in_time, 0), coalesce(h.backlog, 0), coalesce(h.overdue, 0),
        coalesce(p.n, 0), coalesce(h.transfers_in, 0), coalesce(h.ratings, 0), h.mean_satisfaction, ${at}::timestamptz
      from structures s left join held h on h.structure_id = s.id left join passed p on p.structure_id = s.id`);
    return { usage: affected(usage), structures: affected(levels) };
  });
}

function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}

/** Rebuilds the rollups every ten minutes: the dashboards are at most that old. */
export const refreshInsightsJob: JobDefinition = {
  name: "insights-refresh",
  cron: "*/10 * * * *",
  run: (db, now, env) => refreshInsights(db, env.features, now),
};
