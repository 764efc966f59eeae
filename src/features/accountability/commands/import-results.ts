import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { eq, sql } from "drizzle-orm";
import { type ActingContext, audit } from "../../../core/audit/record.js";
import { translator } from "../../../core/i18n/catalog.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { sqlState } from "../../../db/errors.js";
import { recomputeAncestors } from "../progress.js";
import { results, resultUpdates } from "../tables.js";
import { parseResult, type ResultField, type ResultInput, type ResultValues } from "./result-fields.js";
import { insertResult, OWN } from "./save-result.js";

/** The CSV's columns; those in REQUIRED_COLUMNS must be there, the others may be left out. */
export const IMPORT_COLUMNS = [
  "code",
  "parent_code",
  "structure_code",
  "title_ar",
  "title_fr",
  "title_en",
  "description_ar",
  "description_fr",
  "description_en",
  "governorate_code",
  "municipality_code",
  "theme_code",
  "starts_on",
  "ends_on",
  "status",
  "progress",
  "weight",
  "budget_planned",
  "budget_spent",
  "drop_reason_ar",
  "drop_reason_fr",
  "drop_reason_en",
] as const;
const REQUIRED_COLUMNS = ["code", "structure_code", "title_ar", "title_fr", "title_en", "status", "progress"];
type Column = (typeof IMPORT_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

export interface ImportReport {
  /** Data rows read (the header excluded). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not imported, by physical line in the file (the header is line 1), with the reason in English. */
  invalid: Array<{ line: number; code: string; reason: string }>;
}

/** The file as a whole cannot be read (not CSV, columns missing): nothing is imported. */
export class ImportFileError extends Error {}

/** The import column each form field comes from, for the report's reasons. */
const COLUMN_OF: Record<ResultField, Column> = {
  code: "code",
  structureId: "structure_code",
  parentId: "parent_code",
  titleAr: "title_ar",
  titleFr: "title_fr",
  titleEn: "title_en",
  descriptionAr: "description_ar",
  descriptionFr: "description_fr",
  descriptionEn: "description_en",
  governorateCode: "governorate_code",
  municipalityId: "municipality_code",
  themeCode: "theme_code",
  startsOn: "starts_on",
  endsOn: "ends_on",
  weight: "weight",
  budgetPlanned: "budget_planned",
  budgetSpent: "budget_spent",
  status: "status",
  progress: "progress",
  dropReasonAr: "drop_reason_ar",
  dropReasonFr: "drop_reason_fr",
  dropReasonEn: "drop_reason_en",
};

async function readAll(input: string | Buffer | Readable): Promise<string> {
  if (typeof input === "string") return input;
  if (Buffer.isBuffer(input)) return input.toString("utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses the CSV into rows with the physical line each starts on (header = line 1). */
async function parseRows(input: string | Buffer | Readable): Promise<Array<{ line: number; row: Row }>> {
  const source = (await readAll(input)).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const parser = parse(source, {
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
      if (missing.length > 0) throw new ImportFileError(`missing columns: ${missing.join(", ")}`);
      return names;
    },
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
  const out: Array<{ line: number; row: Row }> = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
      const newlines = Object.values(record).reduce((n, v) => n + (v?.match(/\n/g)?.length ?? 0), 0);
      out.push({ line: info.lines - newlines, row: record });
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`the file is not valid CSV: ${(error as Error).message}`);
  }
  return out;
}

/** Whether the stored result already says what the row says. */
function same(stored: typeof results.$inferSelect, v: ResultValues): boolean {
  // jsonb keeps its own key order: compare the texts key by key.
  const json = (x: unknown) =>
    JSON.stringify(
      x && typeof x === "object" ? Object.entries(x).sort(([a], [b]) => a.localeCompare(b)) : (x ?? null),
    );
  const num = (x: string | null) => (x === null ? null : Number(x));
  return (
    stored.parentId === v.parentId &&
    stored.structureId === v.structureId &&
    json(stored.title) === json(v.title) &&
    json(stored.description) === json(v.description) &&
    stored.governorateCode === v.governorateCode &&
    stored.municipalityId === v.municipalityId &&
    stored.themeCode === v.themeCode &&
    stored.startsOn === v.startsOn &&
    stored.endsOn === v.endsOn &&
    stored.weight === v.weight &&
    num(stored.budgetPlanned) === num(v.budgetPlanned) &&
    num(stored.budgetSpent) === num(v.budgetSpent) &&
    stored.status === v.status &&
    stored.progress === v.progress &&
    json(stored.status === "dropped" ? stored.dropReason : null) === json(v.dropReason)
  );
}

export interface ImportOptions {
  /** The structures the importer may write results for ("all": the CLI, platform admins). */
  allowed: "all" | Set<string>;
  /** Called after each row, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports results from a CSV (IMPORT_COLUMNS). Each row is checked as the form checks it, then
 * created or updated by its code in a transaction of its own, so a bad row never half-writes and the
 * good ones land. A row identical to what is stored changes nothing, so running a file again is
 * harmless. A change of status or progress is an update in the result's timeline. A parent must
 * already exist, or come earlier in the file. Audited per row changed.
 */
export async function importResults(
  db: Db,
  input: string | Buffer | Readable,
  ctx: Pick<ActingContext, "actor" | "request">,
  options: ImportOptions,
): Promise<ImportReport> {
  const rows = await parseRows(input);
  const t = translator("en");
  const structureIds = new Map(
    (await db.select({ id: structures.id, code: structures.code }).from(structures)).map((s) => [
      s.code,
      s.id,
    ]),
  );
  const seenAt = new Map<string, number>();
  const report: ImportReport = { rows: rows.length, created: 0, updated: 0, unchanged: 0, invalid: [] };
  const lookup = async (code: string) =>
    (await db.select({ id: results.id }).from(results).where(eq(results.code, code)))[0]?.id ?? "";

  for (const [index, { line, row }] of rows.entries()) {
    const code = (row.code ?? "").toLowerCase();
    const refuse = (reason: string) => report.invalid.push({ line, code, reason });
    const earlier = seenAt.get(code);
    const structureCode = (row.structure_code ?? "").toLowerCase();
    const parentCode = (row.parent_code ?? "").toLowerCase();
    const municipalityCode = (row.municipality_code ?? "").toLowerCase();
    if (earlier) refuse(`code: "${code}" already appears on line ${earlier}`);
    else if (!structureIds.has(structureCode))
      refuse(`structure_code: no structure "${row.structure_code ?? ""}"`);
    else if (municipalityCode && !structureIds.has(municipalityCode))
      refuse(`municipality_code: no structure "${row.municipality_code}"`);
    else {
      const parentId = parentCode ? await lookup(parentCode) : "";
      if (parentCode && !parentId) {
        refuse(`parent_code: no result "${row.parent_code}" (a parent comes earlier in the file)`);
        options.onProgress?.(index + 1, rows.length);
        continue;
      }
      const form: ResultInput = {
        code,
        structureId: structureIds.get(structureCode),
        parentId,
        titleAr: row.title_ar,
        titleFr: row.title_fr,
        titleEn: row.title_en,
        descriptionAr: row.description_ar,
        descriptionFr: row.description_fr,
        descriptionEn: row.description_en,
        governorateCode: row.governorate_code,
        municipalityId: municipalityCode ? structureIds.get(municipalityCode) : "",
        themeCode: row.theme_code,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        weight: row.weight,
        budgetPlanned: row.budget_planned,
        budgetSpent: row.budget_spent,
        status: row.status,
        progress: row.progress,
        dropReasonAr: row.drop_reason_ar,
        dropReasonFr: row.drop_reason_fr,
        dropReasonEn: row.drop_reason_en,
      };
      try {
        const outcome = await db.transaction(async (tx) => {
          const [stored] = await tx.select().from(results).where(eq(results.code, code)).for("update");
          const { values, errors } = await parseResult(tx, form, {
            allowed: options.allowed,
            editingId: stored?.id,
          });
          if (!values) {
            const [field, error] = Object.entries(errors)[0]!;
            return `${COLUMN_OF[field as ResultField]}: ${t(error!.key, error!.values)}`;
          }
          if (!stored) {
            await insertResult(tx, values, OWN, ctx);
            return "created" as const;
          }
          // A parent's progress is its children's: the file's figure does not count.
          const [child] = await tx
            .select({ id: results.id })
            .from(results)
            .where(eq(results.parentId, stored.id))
            .limit(1);
          if (child) values.progress = stored.progress;
          if (same(stored, values)) return "unchanged" as const;
          await tx
            .update(results)
            .set({ ...values, updatedAt: sql`now()` })
            .where(eq(results.id, stored.id));
          if (stored.status !== values.status || stored.progress !== values.progress)
            await tx.insert(resultUpdates).values({
              resultId: stored.id,
              happenedOn: new Date().toISOString().slice(0, 10),
              statusBefore: stored.status,
              statusAfter: values.status,
              progressBefore: stored.progress,
              progressAfter: values.progress,
              authorId: ctx.actor.accountId,
            });
          await recomputeAncestors(tx, stored.id);
          await audit(
            tx,
            {
              action: "accountability.result_imported",
              subjectType: "result",
              subjectId: stored.id,
              structureId: values.structureId,
              details: {
                code,
                status: [stored.status, values.status],
                progress: [stored.progress, values.progress],
              },
            },
            ctx.request,
            ctx.actor.accountId,
          );
          return "updated" as const;
        });
        if (outcome === "created" || outcome === "updated" || outcome === "unchanged") {
          report[outcome] += 1;
          seenAt.set(code, line);
        } else refuse(outcome);
      } catch (error) {
        refuse(`could not be saved (database error ${sqlState(error) ?? "unknown"})`);
      }
    }
    options.onProgress?.(index + 1, rows.length);
  }
  return report;
}
