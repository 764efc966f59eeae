import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/client.js";
import { type Dataset, decodeCursor, encodeCursor } from "../open-data/dataset.js";

/**
 * The idea box: every visible idea (held or hidden ones are left out) with where it is addressed,
 * its support count, its answer clock and its status history. No author: ideas are public, their
 * authors' identities are not published.
 */
export const ideasDataset: Dataset = {
  id: "ideas",
  columns: {
    id: "string",
    title: "string",
    description: "string",
    structure_code: "string?",
    theme_code: "string?",
    governorate_code: "string?",
    status: "string",
    supports: "integer",
    threshold_reached_at: "string?",
    answered_at: "string?",
    created_at: "string",
    status_history: "string",
  },
  frequency: "CONT",
  theme: "SOCI",
  async page({ db }, cursor, limit) {
    const position = decodeCursor(cursor, ["at", "id"]);
    const after = position
      ? sql`and (i.created_at, i.id) > (${position[0]}::timestamptz, ${position[1]}::uuid)`
      : sql``;
    const rows = rowsOf<{
      id: string;
      title: string;
      description: string;
      structure_code: string | null;
      theme_code: string | null;
      governorate_code: string | null;
      status: string;
      supports: number;
      threshold_reached_at: string | null;
      answered_at: string | null;
      created_at: string;
      cursor_at: string;
      status_history: Array<{ status: string; at: string }> | null;
    }>(
      await db.execute(sql`
        select i.id, i.title, i.description, s.code as structure_code, t.code as theme_code,
          i.governorate_code, i.status, i.support_count as supports,
          to_char(i.threshold_reached_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as threshold_reached_at,
          to_char(i.answered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as answered_at,
          to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
          i.created_at::text as cursor_at,
          (select json_agg(json_build_object('status', e.status,
              'at', to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) order by e.created_at)
            from idea_events e where e.idea_id = i.id and e.status is not null) as status_history
        from ideas i
        left join structures s on s.id = i.structure_id
        left join idea_themes t on t.id = i.theme_id
        where i.moderation_state = 'visible' ${after}
        order by i.created_at, i.id
        limit ${limit + 1}`),
    );
    const more = rows.length > limit;
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      rows: shown.map(({ cursor_at: _, status_history, supports, ...r }) => ({
        ...r,
        supports: Number(supports),
        status_history: JSON.stringify(status_history ?? []),
      })),
      next: more && last ? encodeCursor([last.cursor_at, last.id]) : null,
    };
  },
  async count(db) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from ideas where moderation_state = 'visible'`),
    );
    return Number(row?.n ?? 0);
  },
  async modified(db) {
    const [row] = rowsOf<{ at: string | null }>(
      await db.execute(sql`select max(updated_at) as at from ideas`),
    );
    return row?.at ? new Date(row.at) : null;
  },
};
