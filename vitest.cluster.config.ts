import { defineConfig } from "vitest/config";

/**
 * The cluster suite (issue 17): two production nodes of the compiled server on one PostgreSQL
 * database behind nginx, on loopback. Needs TEST_DATABASE_URL and nginx; skips, saying why, without
 * them. One file, one fork: it starts its own processes and builds the server once.
 */
export default defineConfig({
  test: {
    include: ["cluster/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
  },
});
