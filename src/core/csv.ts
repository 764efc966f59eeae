import { type Options, type Stringifier, stringify } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";

/**
 * How every CSV the portal serves is written: RFC 4180 (CRLF line ends, quoted where needed), a
 * header row, UTF-8 with a byte-order mark for spreadsheets, and formula injection neutralised
 * (OWASP "CSV Injection"): a text cell starting with =, +, -, @, a tab or a carriage return (or their
 * full-width forms) gets a leading ' so a spreadsheet shows it instead of running it. Cells that are
 * numbers stay numbers, negative ones included. Every CSV route writes through this module.
 */
const SAFE = {
  header: true,
  bom: true,
  record_delimiter: "windows",
  escape_formulas: true,
} as const satisfies Options;

/** What a CSV may choose: its columns and how it writes some types (never the safety above). */
export type CsvOptions = Pick<Options, "columns" | "cast">;

/** A CSV written as records are piped in (flat memory for large exports). */
export const csvStringifier = (options: CsvOptions = {}): Stringifier => stringify({ ...options, ...SAFE });

/** A whole CSV at once, from records (objects: their keys are the header) or arrays with `columns`. */
export const csvText = (records: object[], options: CsvOptions = {}) =>
  stringifySync(records, { ...options, ...SAFE });
