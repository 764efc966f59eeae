import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { FileStore } from "./store.js";
import { storedFiles } from "./tables.js";

/**
 * Files in the database (table stored_files): what one node writes, every node reads, and a
 * database backup holds the files too. Like the content-addressed local store, putting a key that
 * exists already changes nothing.
 */
export function databaseFileStore(db: Db): FileStore {
  return {
    async put(key, data) {
      await db.insert(storedFiles).values({ key, data, size: data.length }).onConflictDoNothing();
    },
    async get(key) {
      const [row] = await db
        .select({ data: storedFiles.data })
        .from(storedFiles)
        .where(eq(storedFiles.key, key));
      return row?.data ?? null;
    },
    async delete(key) {
      await db.delete(storedFiles).where(eq(storedFiles.key, key));
    },
  };
}
