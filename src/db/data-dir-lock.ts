import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Raised when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The database in ${dataDir} is in use by process ${pid} (a running Sharek server?). ` +
        "Stop that process first: two processes writing one embedded database corrupt it.",
    );
    this.name = "DataDirLockedError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM"; // exists, owned by another user
  }
}

/**
 * Takes DATA_DIR/sharek.lock for this process: the embedded PGlite database must only ever be
 * opened by one process. A lock left by a process that no longer runs (kill -9, power cut) is
 * taken over; one held by a live process throws DataDirLockedError naming it.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, "sharek.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: "wx" });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
    let holder: number;
    try {
      holder = Number.parseInt(readFileSync(path, "utf8"), 10);
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") continue; // released meanwhile
      throw error;
    }
    // Our own pid is a lock left by an earlier life of this process number (a container's pid 1).
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder))
      throw new DataDirLockedError(dataDir, holder);
    rmSync(path, { force: true }); // stale: its process is gone
  }
  throw new Error(`Could not take ${path}: other processes keep taking it.`);
}
