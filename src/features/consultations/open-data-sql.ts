import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.js";
import { encodeCursor } from "../open-data/dataset.js";

/** The SQL pieces the consultations datasets share: ISO timestamps, keyset pages, change dates, counts. */
export const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

/** Keyset pages over (created_at, id): the position is the row's exact created_at text and id. */
export function keyset(position: readonly [string, string, ...string[]] | null, alias: string) {
  return position
    ? sql`and (${sql.raw(alias)}.created_at, ${sql.raw(alias)}.id) > (${position[0]}::timestamptz, ${position[1]}::uuid)`
    : sql``;
}

export function paged<T extends { cursor_at: string; id: string }>(
  rows: T[],
  limit: number,
  extra: string[] = [],
) {
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { shown, next: more && last ? encodeCursor([last.cursor_at, last.id, ...extra]) : null };
}

export const lastChange = async (db: Db, table: string) => {
  const [row] = rowsOf<{ at: string | null }>(
    await db.execute(sql.raw(`select max(updated_at) as at from ${table}`)),
  );
  return row?.at ? new Date(row.at) : null;
};
export const countOf = async (db: Db, query: ReturnType<typeof sql>) => {
  const [row] = rowsOf<{ n: number }>(await db.execute(query));
  return Number(row?.n ?? 0);
};
