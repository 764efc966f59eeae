import yazl from "yazl";
import { csvText } from "../../../core/csv.js";
import type { FileStore } from "../../../core/files/store.js";
import type { FeatureManifest } from "../../../core/manifest.js";
import type { AccountExportPart } from "../../../core/personal-data/contracts.js";
import type { Db } from "../../../db/client.js";

/** Every part of a person's data, from each feature that declares `exportAccount`. */
export async function collectAccountData(
  db: Db,
  accountId: string,
  features: readonly FeatureManifest[],
): Promise<AccountExportPart[]> {
  const parts: AccountExportPart[] = [];
  for (const feature of features)
    if (feature.exportAccount) parts.push(...(await feature.exportAccount(db, accountId)));
  return parts;
}

/** A cell for the CSV: dates as ISO 8601, lists and translated texts as JSON. */
const cell = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value;
};

/** The CSV of one part: its rows' keys as the header (none when it has no rows), through the safe writer. */
function partCsv(rows: Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (columns.length === 0) return "";
  return csvText(
    rows.map((r) => columns.map((c) => cell(r[c]))),
    { columns },
  );
}

/**
 * The ZIP a person downloads: for each part, <name>.json and <name>.csv (formula-safe, see
 * core/csv.ts), the files it names under files/, and an index of the parts.
 */
export async function buildAccountZip(
  parts: readonly AccountExportPart[],
  files: FileStore | undefined,
  generatedAt: Date,
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = generatedAt;
  const index: Array<{ name: string; rows: number; files: number }> = [];
  for (const part of parts) {
    zip.addBuffer(Buffer.from(`${JSON.stringify(part.rows, null, 2)}\n`), `${part.name}.json`, { mtime });
    zip.addBuffer(Buffer.from(partCsv(part.rows)), `${part.name}.csv`, { mtime });
    let included = 0;
    for (const file of part.files ?? []) {
      const data = await files?.get(file.fileKey);
      if (!data) continue;
      zip.addBuffer(data, `files/${file.path}`, { mtime, compress: false });
      included += 1;
    }
    index.push({ name: part.name, rows: part.rows.length, files: included });
  }
  zip.addBuffer(
    Buffer.from(`${JSON.stringify({ generatedAt: generatedAt.toISOString(), parts: index }, null, 2)}\n`),
    "index.json",
    { mtime },
  );
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
