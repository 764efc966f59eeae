import { defineConfig } from "vitest/config";

/**
 * The browser suite: real app on a free port, Debian's Chromium driven by playwright-core, axe on
 * every page. One file at a time in a single fork, so the browser and the app share the 2 cores
 * with nothing else.
 */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
  },
});
