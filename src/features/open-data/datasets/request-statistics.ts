import { sql } from "drizzle-orm";
import { rowsOf } from "../../../db/client.js";
import { STATS_MIN_CASES } from "../../cases/stats/queries.js";
import { type Dataset, decodeCursor, encodeCursor, type Row } from "../dataset.js";

const MONTH = sql`to_char(c.created_at at time zone 'Africa/Tunis', 'YYYY-MM')`;

/**
 * How structures answer requests, per structure × type × channel (web, counter, phone, post,
 * open311) × month of arrival: received, answered,
 * median first response, share answered within the deadline, mean satisfaction (definitions as on
 * the structures' public pages). No case content. A cell with fewer than STATS_MIN_CASES requests
 * is suppressed: the row stays, its figures are empty. Pages hold whole structures (`limit`
 * counts structures), so a structure's rows never straddle two pages.
 */
export const requestStatisticsDataset: Dataset = {
  id: "request-statistics",
  columns: {
    structure_code: "string",
    type: "string",
    channel: "string",
    month: "string",
    received: "integer?",
    answered: "integer?",
    median_first_response_hours: "number?",
    share_answered_in_time: "number?",
    mean_satisfaction: "number?",
    suppressed: "boolean",
  },
  frequency: "DAILY",
  async page({ db }, cursor, limit) {
    const [after] = decodeCursor(cursor, ["code"]) ?? [];
    const chosen = rowsOf<{ id: string; code: string }>(
      await db.execute(sql`
        select s.id, s.code from structures s
        where ${after ? sql`s.code > ${after}` : sql`true`}
          and exists (select 1 from cases c where c.structure_id = s.id)
        order by s.code limit ${limit + 1}`),
    );
    const more = chosen.length > limit;
    const shown = chosen.slice(0, limit);
    if (shown.length === 0) return { rows: [], next: null };
    const now = new Date().toISOString();
    const cells = rowsOf<{
      code: string;
      type: string;
      channel: string;
      month: string;
      received: number;
      answered: number;
      median_hours: number | null;
      deadline_known: number;
      in_time: number;
      mean_satisfaction: number | null;
    }>(
      await db.execute(sql`
        select s.code, c.type, c.channel, ${MONTH} as month,
          count(*)::int as received,
          count(*) filter (where c.answered_at is not null)::int as answered,
          (percentile_cont(0.5) within group (
            order by extract(epoch from c.first_response_at - c.clock_started_at) / 3600
          ) filter (where c.first_response_at >= c.clock_started_at))::float8 as median_hours,
          count(*) filter (where c.due_at is not null and (
            c.answered_at is not null
            or (c.closed_at is null and c.paused_at is null and c.due_at < ${now}::timestamptz)
          ))::int as deadline_known,
          count(*) filter (where c.due_at is not null and c.answered_at <= c.due_at)::int as in_time,
          avg(c.satisfaction)::float8 as mean_satisfaction
        from cases c join structures s on s.id = c.structure_id
        where c.structure_id in (${sql.join(
          shown.map((s) => sql`${s.id}::uuid`),
          sql`, `,
        )})
        group by s.code, c.type, c.channel, ${MONTH}
        order by s.code, month, c.type, c.channel`),
    );
    const round = (v: number | null, digits: number) =>
      v === null ? null : Number(Number(v).toFixed(digits));
    const rows: Row[] = cells.map((c) => {
      const suppressed = Number(c.received) < STATS_MIN_CASES;
      return {
        structure_code: c.code,
        type: c.type,
        channel: c.channel,
        month: c.month,
        received: suppressed ? null : Number(c.received),
        answered: suppressed ? null : Number(c.answered),
        median_first_response_hours: suppressed ? null : round(c.median_hours, 1),
        share_answered_in_time:
          suppressed || Number(c.deadline_known) === 0
            ? null
            : round(Number(c.in_time) / Number(c.deadline_known), 3),
        mean_satisfaction: suppressed ? null : round(c.mean_satisfaction, 2),
        suppressed,
      };
    });
    return { rows, next: more ? encodeCursor([shown.at(-1)!.code]) : null };
  },
  async count(db) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from (select 1 from cases c group by c.structure_id, c.type, c.channel, ${MONTH}) cells`,
      ),
    );
    return Number(row?.n ?? 0);
  },
  async modified(db) {
    const [row] = rowsOf<{ at: string | null }>(
      await db.execute(sql`select max(updated_at) as at from cases`),
    );
    return row?.at ? new Date(row.at) : null;
  },
};
