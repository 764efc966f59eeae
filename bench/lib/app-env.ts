import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The bench folder; scratch data lives in bench/.tmp/ (git-ignored). */
export const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));
export const REPO_DIR = join(BENCH_DIR, "..");

export interface TempDir {
  path: string;
  remove(): void;
}

/** A fresh folder under bench/.tmp/, removed by remove() (and left behind only if the bench crashes). */
export function makeTempDir(name: string): TempDir {
  const path = join(BENCH_DIR, ".tmp", `${name}-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(path, { recursive: true });
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** "PostgreSQL" when DATABASE_URL is set, else "PGlite". */
export function databaseEngine(): "PostgreSQL" | "PGlite" {
  return process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
}

/**
 * Environment of a child running the real app for a bench: production-like (no demo data, quiet
 * logs) yet able to start without production secrets, and with a rate limit the load cannot reach.
 * PostgreSQL when DATABASE_URL is set, otherwise PGlite under `dataDir`.
 */
export function benchAppEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: "test",
    SEED_DEMO: "false",
    LOG_LEVEL: "warn",
    RATE_LIMIT_MAX: "100000000",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    ...extra,
  };
}
