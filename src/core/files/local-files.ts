import type { Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { databaseFileStore } from "./database-store.js";
import { storedFiles } from "./tables.js";

/** The keys of the files under a local store's root (none when it does not exist). */
export async function localFileKeys(root: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/**
 * Copies the files of a local store (DATA_DIR/files) into the database, skipping those already
 * there: safe to run again, and while nodes keep writing new files to the database.
 */
export async function copyLocalFilesToDatabase(
  root: string,
  db: Db,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ copied: number; present: number }> {
  const keys = await localFileKeys(root);
  const store = databaseFileStore(db);
  let copied = 0;
  let present = 0;
  onProgress(0, keys.length);
  for (let start = 0; start < keys.length; start += 500) {
    const batch = keys.slice(start, start + 500);
    const there = new Set(
      (
        await db.select({ key: storedFiles.key }).from(storedFiles).where(inArray(storedFiles.key, batch))
      ).map((row) => row.key),
    );
    for (const [index, key] of batch.entries()) {
      if (there.has(key)) present++;
      else {
        await store.put(key, await readFile(join(root, key)));
        copied++;
      }
      onProgress(start + index + 1, keys.length);
    }
  }
  return { copied, present };
}
