import { sql } from "drizzle-orm";
import { rowsOf } from "../../../db/client.js";
import { type Dataset, decodeCursor, encodeCursor, type Row } from "../../open-data/dataset.js";
import { cases } from "../tables.js";
import { PUBLISHED_FIGURES, STATS_MIN_CASES } from "./queries.js";
import { serviceLevelColumns, shareInTime } from "./service-levels.js";

const MONTH = sql`to_char(${cases.createdAt} at time zone 'Africa/Tunis', 'YYYY-MM')`;

/**
 * How structures answer requests, per structure × type × channel (web, counter, phone, post,
 * open311) × month of arrival: received, answered,
 * median first response, share answered within the deadline, mean satisfaction (the service levels
 * of cases/stats/service-levels.ts, as on the structures' public pages and the insights). No case content. A cell with fewer than STATS_MIN_CASES requests
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
  theme: "GOVE",
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
    const cells = rowsOf<{
      code: string;
      type: string;
      channel: string;
      month: string;
      received: number;
      answered: number;
      median_hours: number | null;
      deadline_known: number;
      answered_in_time: number;
      mean_satisfaction: number | null;
    }>(
      await db.execute(sql`
        select s.code, ${cases.type} as type, ${cases.channel} as channel, ${MONTH} as month,
          ${serviceLevelColumns(PUBLISHED_FIGURES, new Date())}
        from cases join structures s on s.id = ${cases.structureId}
        where ${cases.structureId} in (${sql.join(
          shown.map((s) => sql`${s.id}::uuid`),
          sql`, `,
        )})
        group by s.code, ${cases.type}, ${cases.channel}, ${MONTH}
        order by s.code, month, ${cases.type}, ${cases.channel}`),
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
        share_answered_in_time: suppressed
          ? null
          : round(shareInTime(c.deadline_known, c.answered_in_time), 3),
        mean_satisfaction: suppressed ? null : round(c.mean_satisfaction, 2),
        suppressed,
      };
    });
    return { rows, next: more ? encodeCursor([shown.at(-1)!.code]) : null };
  },
  async count(db) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from (select 1 from cases group by ${cases.structureId}, ${cases.type}, ${cases.channel}, ${MONTH}) cells`,
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
