import { sql } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { rowsOf } from "../../db/client.js";
import { type Dataset, decodeCursor, encodeCursor } from "../open-data/dataset.js";

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

/**
 * Results: every commitment, its structure and place, dates, status, progress, budget, where it
 * comes from, and how many updates it had (the last one's day). Officials' texts only: no author,
 * no account.
 */
export const resultsDataset: Dataset = {
  id: "results",
  columns: {
    id: "string",
    code: "string",
    parent_code: "string?",
    structure_code: "string",
    title_ar: "string?",
    title_fr: "string?",
    title_en: "string?",
    governorate_code: "string?",
    municipality_code: "string?",
    theme_code: "string?",
    starts_on: "string?",
    ends_on: "string?",
    status: "string",
    late: "boolean",
    progress: "integer",
    budget_planned_tnd: "number?",
    budget_spent_tnd: "number?",
    origin: "string",
    origin_id: "string?",
    origin_section_id: "string?",
    updates: "integer",
    last_update_on: "string?",
    created_at: "string",
  },
  frequency: "CONT",
  theme: "GOVE",
  async page({ db }, cursor, limit) {
    const position = decodeCursor(cursor, ["at", "id"]);
    const after = position
      ? sql`where (r.created_at, r.id) > (${position[0]}::timestamptz, ${position[1]}::uuid)`
      : sql``;
    const rows = rowsOf<{
      id: string;
      code: string;
      parent_code: string | null;
      structure_code: string;
      title: LocalizedText;
      governorate_code: string | null;
      municipality_code: string | null;
      theme_code: string | null;
      starts_on: string | null;
      ends_on: string | null;
      status: string;
      late: boolean;
      progress: number;
      budget_planned: string | null;
      budget_spent: string | null;
      origin: string;
      origin_id: string | null;
      origin_section_id: string | null;
      updates: number;
      last_update_on: string | null;
      created_at: string;
      cursor_at: string;
    }>(
      await db.execute(sql`
        select r.id, r.code, p.code as parent_code, s.code as structure_code, r.title,
          r.governorate_code, m.code as municipality_code, r.theme_code,
          r.starts_on::text as starts_on, r.ends_on::text as ends_on, r.status::text as status,
          (r.status = 'delayed' or (r.ends_on < current_date and r.status not in ('done', 'dropped'))) as late,
          r.progress, r.budget_planned::text as budget_planned, r.budget_spent::text as budget_spent,
          r.origin::text as origin, r.origin_id, r.origin_section_id,
          u.n as updates, u.last::text as last_update_on,
          ${iso("r.created_at")} as created_at, r.created_at::text as cursor_at
        from results r
        join structures s on s.id = r.structure_id
        left join results p on p.id = r.parent_id
        left join structures m on m.id = r.municipality_id
        left join lateral (select count(*)::int as n, max(happened_on) as last
                           from result_updates where result_id = r.id) u on true
        ${after}
        order by r.created_at, r.id
        limit ${limit + 1}`),
    );
    const more = rows.length > limit;
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      rows: shown.map(({ cursor_at: _, title, budget_planned, budget_spent, ...r }) => ({
        ...r,
        title_ar: title.ar ?? null,
        title_fr: title.fr ?? null,
        title_en: title.en ?? null,
        progress: Number(r.progress),
        updates: Number(r.updates),
        budget_planned_tnd: budget_planned === null ? null : Number(budget_planned),
        budget_spent_tnd: budget_spent === null ? null : Number(budget_spent),
      })),
      next: more && last ? encodeCursor([last.cursor_at, last.id]) : null,
    };
  },
  async count(db) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from results`));
    return Number(row?.n ?? 0);
  },
  async modified(db) {
    const [row] = rowsOf<{ at: string | null }>(
      await db.execute(sql`select greatest((select max(updated_at) from results),
        (select max(created_at) from result_updates)) as at`),
    );
    return row?.at ? new Date(row.at) : null;
  },
};
