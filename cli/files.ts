import { join } from "node:path";
import cliProgress from "cli-progress";
import { copyLocalFilesToDatabase } from "../src/core/files/local-files.js";
import type { Database } from "../src/db/client.js";

interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** `files migrate`: copies DATA_DIR/files into the database (PostgreSQL), skipping what is there. */
export async function filesMigrateCommand(
  database: Database,
  dataDir: string,
  out: Output = process,
): Promise<number> {
  const root = join(dataDir, "files");
  const bar = new cliProgress.SingleBar(
    { stream: out.stderr, format: "Copying files [{bar}] {value}/{total}", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    const { copied, present } = await copyLocalFilesToDatabase(root, database.db, (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    });
    bar.stop();
    out.stdout.write(
      `${copied} files copied from ${root} into the database, ${present} were there already.\n` +
        "Every node now reads them from the database; the folder can be removed once a backup holds them.\n",
    );
    return 0;
  } finally {
    bar.stop();
  }
}
