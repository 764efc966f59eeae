import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { eq } from "drizzle-orm";
import { audit } from "../../../core/audit/record.js";
import type { FieldErrors } from "../../../core/forms.js";
import { translator } from "../../../core/i18n/catalog.js";
import { governorates, type StructureContact, structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { sqlState } from "../../../db/errors.js";
import { lockParent } from "./create-structure.js";
import { isSelfOrDescendant } from "./move-structure.js";
import {
  CODE_PATTERN,
  canonicalContact,
  isKind,
  parseDetails,
  parseNames,
  STRUCTURE_KINDS,
  type StructureKind,
  sameContact,
  sameLocalized,
} from "./structure-fields.js";

export const IMPORT_COLUMNS = [
  "code",
  "kind",
  "parent_code",
  "governorate_code",
  "name_ar",
  "name_fr",
  "name_en",
  "summary_ar",
  "summary_fr",
  "summary_en",
  "website",
  "email",
  "phone",
] as const;
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

/** A row refused inside its transaction (its parent was retired meanwhile). */
class RowRefused extends Error {}

export interface ImportOptions {
  /** Called after each row, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** A form field's name for an import column, so the form's validators and messages serve both. */
const FIELD_COLUMN: Record<string, Column> = {
  nameAr: "name_ar",
  nameFr: "name_fr",
  nameEn: "name_en",
  summaryAr: "summary_ar",
  summaryFr: "summary_fr",
  summaryEn: "summary_en",
  website: "website",
  email: "email",
  phone: "phone",
};

async function readAll(input: string | Readable): Promise<string> {
  if (typeof input === "string") return input;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses the CSV into rows with the physical line each starts on (header = line 1). */
async function parseRows(input: string | Readable): Promise<Array<{ line: number; row: Row }>> {
  const source = (await readAll(input)).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const parser = parse(source, {
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c));
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

interface Existing {
  id: string;
  kind: StructureKind;
  parentId: string | null;
  governorateCode: string | null;
  name: typeof structures.$inferSelect.name;
  summary: typeof structures.$inferSelect.summary;
  contact: StructureContact;
  retiredAt: Date | null;
}

/**
 * Imports structures from a CSV (columns in IMPORT_COLUMNS). Each row is validated, then created
 * or updated by its code in a transaction of its own, so a bad row never half-writes and the good
 * ones land. A row identical to what is stored changes nothing, so re-running a file is harmless.
 * A parent must already exist, or come earlier in the file. Addresses are not in the file: an
 * update keeps the stored one. Audited as "structure.import" with no actor.
 */
export async function importStructures(
  db: Db,
  input: string | Readable,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const rows = await parseRows(input);
  const t = translator("en");
  const govCodes = new Set(
    (await db.select({ code: governorates.code }).from(governorates)).map((g) => g.code),
  );
  const known = new Map<string, Existing>();
  for (const s of await db.select().from(structures)) known.set(s.code, s);
  const seenAt = new Map<string, number>();
  const report: ImportReport = { rows: rows.length, created: 0, updated: 0, unchanged: 0, invalid: [] };

  for (const [index, { line, row }] of rows.entries()) {
    const code = (row.code ?? "").toLowerCase();
    const refuse = (reason: string) => report.invalid.push({ line, code, reason });
    const problem = validateRow(row, code, { govCodes, known, seenAt, t });
    const existing = known.get(code);
    if (typeof problem === "string") refuse(problem);
    else if (
      existing &&
      problem.parentId &&
      problem.parentId !== existing.parentId &&
      (await isSelfOrDescendant(db, existing.id, problem.parentId))
    )
      refuse("parent_code: a structure cannot go under itself or one of its descendants");
    else {
      seenAt.set(code, line);
      try {
        const { outcome, id } = await upsertRow(db, code, problem, existing);
        report[outcome] += 1;
        known.set(code, { ...existing, ...problem, id, retiredAt: existing?.retiredAt ?? null });
      } catch (error) {
        if (error instanceof RowRefused) refuse(error.message);
        else refuse(`could not be saved (database error ${sqlState(error) ?? "unknown"})`);
      }
    }
    options.onProgress?.(index + 1, rows.length);
  }
  return report;
}

interface Valid {
  kind: StructureKind;
  parentId: string | null;
  governorateCode: string | null;
  name: Existing["name"];
  summary: Existing["summary"];
  contact: StructureContact;
}

/** The row's values ready to store, or the reason it is refused (in English). */
function validateRow(
  row: Row,
  code: string,
  ctx: {
    govCodes: Set<string>;
    known: Map<string, Existing>;
    seenAt: Map<string, number>;
    t: ReturnType<typeof translator>;
  },
): Valid | string {
  if (!CODE_PATTERN.test(code)) return "code: must be 2 to 64 lowercase letters, digits or hyphens";
  const earlier = ctx.seenAt.get(code);
  if (earlier) return `code: "${code}" already appears on line ${earlier}`;
  const kind = (row.kind ?? "").toLowerCase();
  if (!isKind(kind)) return `kind: "${row.kind ?? ""}" is not one of ${STRUCTURE_KINDS.join(", ")}`;
  const parentCode = (row.parent_code ?? "").toLowerCase();
  let parentId: string | null = null;
  if (parentCode) {
    const parent = ctx.known.get(parentCode);
    if (!parent) return `parent_code: no structure "${parentCode}" in the directory or earlier in the file`;
    if (parent.retiredAt) return `parent_code: "${parentCode}" is retired`;
    if (parentCode === code) return "parent_code: a structure cannot be its own parent";
    parentId = parent.id;
  }
  const governorateCode = (row.governorate_code ?? "").toUpperCase() || null;
  if (governorateCode && !ctx.govCodes.has(governorateCode))
    return `governorate_code: no governorate "${governorateCode}"`;

  const errors: FieldErrors = {};
  const name = parseNames({ nameAr: row.name_ar, nameFr: row.name_fr, nameEn: row.name_en }, errors);
  const { summary, contact } = parseDetails(
    {
      summaryAr: row.summary_ar,
      summaryFr: row.summary_fr,
      summaryEn: row.summary_en,
      website: row.website,
      email: row.email,
      phone: row.phone,
    },
    errors,
  );
  const reasons = Object.entries(errors).map(([field, error]) => {
    const column = field === "nameAr" && error?.key.endsWith("nameRequired") ? "name" : FIELD_COLUMN[field];
    return `${column ?? field}: ${ctx.t(error!.key, error!.values)}`;
  });
  if (reasons.length > 0) return reasons.join("; ");
  return { kind, parentId, governorateCode, name, summary, contact };
}

async function lockValidParent(tx: Db, parentId: string | null) {
  if (parentId && (await lockParent(tx, parentId)) === false)
    throw new RowRefused("parent_code: the parent was retired during the import");
}

/** Creates or updates one structure in its own transaction; says which it did. */
async function upsertRow(
  db: Db,
  code: string,
  value: Valid,
  existing: Existing | undefined,
): Promise<{ outcome: "created" | "updated" | "unchanged"; id: string }> {
  if (existing) {
    // Addresses are not part of the file: keep the stored one.
    const contact = canonicalContact({ ...value.contact, address: existing.contact.address });
    const same =
      existing.kind === value.kind &&
      existing.parentId === value.parentId &&
      existing.governorateCode === value.governorateCode &&
      sameLocalized(existing.name, value.name) &&
      sameLocalized(existing.summary, value.summary) &&
      sameContact(existing.contact, contact);
    if (same) return { outcome: "unchanged", id: existing.id };
    await db.transaction(async (tx) => {
      await lockValidParent(tx, value.parentId);
      await tx
        .update(structures)
        .set({ ...value, contact })
        .where(eq(structures.id, existing.id));
      await audit(
        tx,
        {
          action: "structure.import",
          subjectType: "structure",
          subjectId: existing.id,
          structureId: existing.id,
          details: { code, change: "updated" },
        },
        undefined,
        null,
      );
    });
    return { outcome: "updated", id: existing.id };
  }
  const id = await db.transaction(async (tx) => {
    await lockValidParent(tx, value.parentId);
    const [row] = await tx
      .insert(structures)
      .values({ code, ...value })
      .returning({ id: structures.id });
    await audit(
      tx,
      {
        action: "structure.import",
        subjectType: "structure",
        subjectId: row!.id,
        structureId: row!.id,
        details: { code, change: "created" },
      },
      undefined,
      null,
    );
    return row!.id;
  });
  return { outcome: "created", id };
}
