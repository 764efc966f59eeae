import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "cli/**/*.test.ts", "test/**/*.test.ts"],
    // The reference template, then the demo template made from it (in this order).
    globalSetup: ["test/global-setup.ts", "test/global-setup-demo.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Test files share their worker's modules (each still builds its own app on its own database):
    // evaluating the app's modules once per worker instead of once per file saves about 1.5 s of CPU
    // per file. Two workers on the 2-core machine: each file mostly waits on its own PGlite.
    isolate: false,
    maxWorkers: 2,
    // In CI only, a failed test runs once more before it counts as failed: the 2-core machine is
    // shared by the app, PGlite and Chromium, and one slow moment must not sink a run. A test that
    // fails twice still fails the run, and the report still names every retried test.
    retry: process.env.CI ? 1 : 0,
  },
});
