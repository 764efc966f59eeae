import { createHash } from "node:crypto";
import { mkdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

/** Where uploaded files live. Keys are opaque ("ab/abcdef…"); never built from a file's name. */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

/**
 * Files on the local disk under DATA_DIR/files. A stored file, and every folder its writing
 * changed, carries the day it was written (midnight UTC), never the time of day.
 */
export function localFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    if (!/^[a-z0-9/_-]+$/i.test(key)) throw new Error("invalid file key");
    const full = resolve(join(base, key));
    if (!full.startsWith(`${base}/`)) throw new Error("invalid file key");
    return full;
  };
  return {
    async put(key, data) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data, { flag: "wx" });
      const day = new Date(new Date().toISOString().slice(0, 10));
      for (let p = path; p.startsWith(base); p = dirname(p)) await utimes(p, day, day);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as { code?: string }).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** A key derived from the content: the same bytes are stored once, and nothing in it is user input. */
export function contentKey(data: Buffer): { key: string; sha256: string } {
  const sha256 = createHash("sha256").update(data).digest("hex");
  return { key: `${sha256.slice(0, 2)}/${sha256}`, sha256 };
}
