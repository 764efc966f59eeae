import { createHmac } from "node:crypto";
import { Readable } from "node:stream";
import { csvStringifier } from "../../core/csv.js";
import { BadRequestError } from "../../core/errors/app-error.js";
import type { Dataset, Page, Row, Source } from "../../core/features/contracts.js";

// The dataset's contract lives in core, so the feature that owns the data declares its datasets.
export type {
  Cell,
  ColumnType,
  Dataset,
  Frequency,
  Page,
  Row,
  Source,
} from "../../core/features/contracts.js";

/** The release a request reads: the server's current day (UTC), never anything the client sent. */
export const releaseOf = (now: Date) => now.toISOString().slice(0, 10);

/** Cursors are opaque to clients: base64url of the dataset's own keyset position. */
export const encodeCursor = (position: Array<string | number>) =>
  Buffer.from(JSON.stringify(position)).toString("base64url");

/**
 * What each place of a cursor holds: `at` a created_at as PostgreSQL writes it (created_at::text),
 * `id` a uuid, `code` a structure code, `release` the day the walk began (releaseOf).
 */
export type CursorPart = "at" | "id" | "code" | "release";

const PARTS: Record<CursorPart, (value: string) => boolean> = {
  at: (value) => {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-](\d{2})(:\d{2})?$/.exec(value);
    if (!m) return false;
    const [y, mo, d, h, mi, sec, , offset] = m.slice(1).map(Number) as number[];
    const day = new Date(Date.UTC(y!, mo! - 1, d!));
    return (
      day.getUTCFullYear() === y &&
      day.getUTCMonth() === mo! - 1 &&
      day.getUTCDate() === d &&
      h! < 24 &&
      mi! < 60 &&
      sec! < 60 &&
      offset! < 16
    );
  },
  id: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  code: (value) => /^[a-z0-9][a-z0-9_.-]{0,99}$/i.test(value),
  release: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value),
};

/**
 * The position in a cursor, each part checked against its kind before it reaches SQL (null for the
 * first page). Anything else is the client's error, answered 400, never a database error: a cursor
 * that is not ours, has the wrong shape, an impossible date or a malformed id.
 */
export function decodeCursor<const K extends CursorPart[]>(
  cursor: string | null,
  parts: K,
): { [I in keyof K]: string } | null {
  if (cursor === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {}
  if (
    Array.isArray(value) &&
    value.length === parts.length &&
    value.every((v, i) => typeof v === "string" && PARTS[parts[i]!](v))
  )
    return value as { [I in keyof K]: string };
  throw new BadRequestError({ problem: "cursor" });
}

/** Every row of a dataset, page after page. */
export async function* allRows(source: Source, dataset: Dataset, pageSize = 1000): AsyncGenerator<Row> {
  let cursor: string | null = null;
  do {
    const page: Page = await dataset.page(source, cursor, pageSize);
    yield* page.rows;
    cursor = page.next;
  } while (cursor !== null);
}

/** The dataset as CSV (the portal's safe CSV: see core/csv.ts). */
export function csvStream(source: Source, dataset: Dataset): Readable {
  const csv = csvStringifier({
    columns: Object.keys(dataset.columns),
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
