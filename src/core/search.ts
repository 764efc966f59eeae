import { type SQL, sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

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

/*
 * The portal's search (/:lang/search) over every feature's public documents (SearchSource). Two SQL
 * functions come with migration search_documents:
 * - search_fold(text): normalize_arabic() and accent folding, the form both documents and queries
 *   are compared in (diacritics, tatweel, hamza and taa marbuta forms, French accents, case);
 * - search_vector(title, body): the folded text as the 'arabic', 'french' and 'english' text-search
 *   configurations read it (each stems its own language and leaves the others' words whole), the
 *   title weighted above the body;
 * - search_query(text): the folded query the three ways, any of them matching.
 * A source's table stores its vector in a generated column (searchVectorColumn) under a GIN index,
 * and its trigram text is an expression (searchFold) under a gin_trgm_ops index; its documents
 * select that column and that very expression, so the indexes serve the search, and a search reads
 * the vectors rather than computing them again.
 */

/** The text of a `{ar, fr, en}` jsonb column in every language, as one string (SQL, unqualified). */
export function allLanguages(column: string): string {
  return `coalesce(${column}->>'ar', '') || ' ' || coalesce(${column}->>'fr', '') || ' ' || coalesce(${column}->>'en', '')`;
}

/** The full-text vector of a document's title and body (SQL expressions of text). */
export function searchVector(title: string, body: string): SQL {
  return sql.raw(`public.search_vector(${title}, ${body})`);
}

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** The column `search_vector`, generated and stored by PostgreSQL from `vector` (searchVector). */
export function searchVectorColumn(vector: SQL) {
  return tsvector("search_vector").generatedAlwaysAs(vector);
}

/** The folded text the misspelling (trigram) search compares a query with. */
export function searchFold(expression: string): SQL {
  return sql.raw(`public.search_fold(${expression})`);
}
