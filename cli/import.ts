import { createReadStream } from "node:fs";
import cliProgress from "cli-progress";
import type { Database } from "../src/db/client.js";
import {
  ImportFileError,
  type ImportReport,
  importStructures,
} from "../src/features/structures/commands/import-structures.js";

const USAGE = "Usage: npm run cli -- import structures FILE.csv (see docs/import-structures.md)";

interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export function formatReport(file: string, report: ImportReport): string {
  const lines = [
    `Imported ${file}: ${report.rows} rows read, ${report.created} created, ${report.updated} updated, ` +
      `${report.unchanged} unchanged, ${report.invalid.length} invalid.`,
  ];
  if (report.invalid.length > 0) {
    lines.push("Invalid rows:");
    for (const row of report.invalid)
      lines.push(`  line ${row.line} (${row.code || "no code"}): ${row.reason}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `import structures FILE.csv`: runs the import with a progress bar on stderr and prints the report
 * on stdout. Returns the exit code: 1 when the file or any row was refused.
 */
export async function importCommand(
  args: string[],
  database: Database,
  out: Output = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [what, file] = args;
  if (what !== "structures" || !file) {
    out.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const bar = new cliProgress.SingleBar(
    { stream: out.stderr, format: "Importing structures [{bar}] {value}/{total} rows", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    const report = await importStructures(database.db, createReadStream(file), {
      onProgress: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
    if (started) bar.stop();
    out.stdout.write(formatReport(file, report));
    return report.invalid.length > 0 ? 1 : 0;
  } catch (error) {
    if (started) bar.stop();
    const reason =
      error instanceof ImportFileError
        ? error.message
        : (error as NodeJS.ErrnoException).code === "ENOENT"
          ? "no such file"
          : null;
    if (reason === null) throw error;
    out.stderr.write(`Cannot import ${file}: ${reason}. Nothing was imported.\n`);
    return 1;
  }
}
