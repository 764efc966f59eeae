import { type SQL, sql } from "drizzle-orm";

const ACCENTED = "àâäéèêëîïôöùûüÿç";
const UNACCENTED = "aaaeeeeiioouuuyc";

/** Folds the accented Latin letters of French to plain ones ("Béja" matches "beja"), in SQL. */
export function foldAccents(expression: string): string {
  return `translate(${expression}, '${ACCENTED}', '${UNACCENTED}')`;
}

/** A LIKE pattern matching the term anywhere, with LIKE's own characters escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** normalize_arabic() (migration 0000) and accent folding applied to a bound parameter. */
export function normalizedParam(value: string): SQL {
  const [before, after] = foldAccents("normalize_arabic(\u0000::text)").split("\u0000");
  return sql`${sql.raw(before!)}${value}${sql.raw(after!)}`;
}
