import { sql } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { type Db, rowsOf } from "../../db/client.js";
import { shareInTime } from "../cases/stats/service-levels.js";
import { cases } from "../cases/tables.js";
import { overdueCondition } from "../cases/workspace/deadline-state.js";
import { MIN_CASES, num, type Scope, within } from "./queries.js";

/*
 * The service levels as the insights read them: per structure and national from the rollup that
 * refresh.ts rebuilds (figures defined in cases/stats/service-levels.ts), and the live overdue list.
 */

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
      shareInTime: shareInTime(deadlineKnown, inTime),
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
    shareInTime: shareInTime(known, Number(r.in_time)),
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

/** The oldest overdue requests of the structures in scope (the deadline index finds them), as the service levels count them. */
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
      select ${cases.id} as id, ${cases.reference} as reference, ${cases.type} as type, ${cases.dueAt} as due_at,
        s.code, s.name
      from cases join structures s on s.id = ${cases.structureId}
      where ${overdueCondition(now)} and ${within(scope, sql`${cases.structureId}`)}
      order by ${cases.dueAt}, ${cases.id} limit ${limit}`),
  ).map((r) => ({ ...r, dueAt: new Date(r.due_at) }));
}
