import { readFile } from "node:fs/promises";
import cliProgress from "cli-progress";
import { ANONYMOUS } from "../src/core/authz/actor.js";
import type { Database } from "../src/db/client.js";
import {
  ImportFileError,
  type ImportReport,
  importResults,
} from "../src/features/accountability/commands/import-results.js";

const USAGE = "Usage: npm run cli -- accountability import FILE.csv";

interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export function formatResultsReport(file: string, report: ImportReport): string {
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
 * `accountability import FILE.csv`: imports results (by their code, so a second run changes
 * nothing) with a progress bar on stderr, and prints the report with each refused row's line on
 * stdout. Acts as the system (no account) for every structure. Returns the exit code: 1 when the
 * file or any row was refused.
 */
export async function accountabilityCommand(
  args: string[],
  database: Database,
  out: Output = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [what, file] = args;
  if (what !== "import" || !file) {
    out.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: out.stderr,
      format: "Importing results [{bar}] {value}/{total} rows",
      hideCursor: true,
      // Also when stderr is a file or a pipe (a log, CI): the bar is drawn at each redraw, then at the end.
      noTTYOutput: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    const data = await readFile(file);
    const report = await importResults(
      database.db,
      data,
      { actor: ANONYMOUS },
      {
        allowed: "all",
        onProgress: (done, total) => {
          if (!started) {
            bar.start(total, 0);
            started = true;
          }
          bar.update(done);
        },
      },
    );
    if (started) bar.stop();
    out.stdout.write(formatResultsReport(file, report));
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
