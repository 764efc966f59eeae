import { createHmac } from "node:crypto";
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { sql } from "drizzle-orm";
import { BadRequestError } from "../../core/errors/app-error.js";
import type { Db } from "../../db/client.js";

/** A cell of a published row: text, a number, a boolean, or empty. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** A column's JSON type ("?" at the end: it may be empty). */
export type ColumnType = "string" | "string?" | "integer" | "integer?" | "number?" | "boolean";

/** One page of a dataset, in its own order; `next` continues after it (null: the last page). */
export interface Page {
  rows: Row[];
  next: string | null;
}

/** How often a dataset changes, as the EU frequency vocabulary names it (DCAT-AP). */
export type Frequency = "CONT" | "DAILY" | "MONTHLY";

/** Where rows come from: the database, and the installation's secret (for pseudonyms). */
export interface Source {
  db: Db;
  secret: string;
}

/**
 * A published dataset. Its rows are read page by page in a stable order (keyset, never offset),
 * so a download streams with flat memory whatever the size, and the API hands out the same pages.
 * Rows carry no personal data: a dataset publishes only what its columns name.
 */
export interface Dataset {
  /** URL name: /open-data/<id>.csv, /api/v1/<apiPath>. */
  id: string;
  /** The columns of every row, in order (the CSV header and the JSON keys), with their types. */
  columns: Record<string, ColumnType>;
  frequency: Frequency;
  /** One page after `cursor` (null: the first), of at most `limit` units (rows unless said). */
  page(source: Source, cursor: string | null, limit: number): Promise<Page>;
  count(db: Db): Promise<number>;
  /** When the data last changed, or null when it is empty. */
  modified(db: Db): Promise<Date | null>;
}

/** Cursors are opaque to clients: base64url of the dataset's own keyset position. */
export const encodeCursor = (position: unknown[]) =>
  Buffer.from(JSON.stringify(position)).toString("base64url");

/** The position in a cursor (empty for the first page); a cursor that is not ours is the client's error. */
export function decodeCursor(cursor: string | null): unknown[] {
  if (cursor === null) return [];
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value)) return value;
  } catch {}
  throw new BadRequestError({ problem: "cursor" });
}

/**
 * One page of a dataset, read without parallel workers: a page is a short index walk (about 10 ms
 * for 1,000 contributions), which PostgreSQL would otherwise hand to workers that cost ten times as
 * much to start, because it cannot tell how few rows it has to read before the limit is reached.
 */
export function readPage(
  source: Source,
  dataset: Dataset,
  cursor: string | null,
  limit: number,
): Promise<Page> {
  return source.db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return dataset.page({ ...source, db: tx }, cursor, limit);
  });
}

/** Every row of a dataset, page after page. */
export async function* allRows(source: Source, dataset: Dataset, pageSize = 1000): AsyncGenerator<Row> {
  let cursor: string | null = null;
  do {
    const page: Page = await readPage(source, dataset, cursor, pageSize);
    yield* page.rows;
    cursor = page.next;
  } while (cursor !== null);
}

/** RFC 4180 CSV (CRLF, quoted where needed, UTF-8 with a byte-order mark for spreadsheets). */
export function csvStream(source: Source, dataset: Dataset): Readable {
  const csv = stringify({
    header: true,
    columns: Object.keys(dataset.columns),
    record_delimiter: "windows",
    bom: true,
    cast: { boolean: (v) => (v ? "true" : "false") },
  });
  Readable.from(allRows(source, dataset)).pipe(csv);
  return csv;
}

/** A JSON array of the rows, written as they are read. */
export function jsonStream(source: Source, dataset: Dataset): Readable {
  return Readable.from(
    (async function* () {
      let first = true;
      yield "[";
      for await (const row of allRows(source, dataset)) {
        yield `${first ? "\n" : ",\n"}${JSON.stringify(row)}`;
        first = false;
      }
      yield "\n]\n";
    })(),
  );
}

/**
 * A pseudonym for a person within one release of one dataset: the same person gets the same
 * pseudonym throughout the release (so contributions can be grouped), and a different one in the
 * next release or another dataset (so releases cannot be joined to follow someone).
 */
export function pseudonym(secret: string, release: string, datasetId: string, accountId: string): string {
  return `p-${createHmac("sha256", secret).update(`${datasetId}\n${release}\n${accountId}`).digest("base64url").slice(0, 12)}`;
}
