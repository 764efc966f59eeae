import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The longest files first, whatever vitest knows of them: the language sweeps (sweep-*.e2e.ts,
 * a few lines each, which vitest would otherwise take for the shortest and run last), then vitest's
 * own order (the longest by the previous run, else the largest file).
 */
class SweepsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const sweep = (f: TestSpecification) => (/\/sweep-[a-z]+\.e2e\.ts$/.test(f.moduleId) ? 0 : 1);
    return sorted.sort((a, b) => sweep(a) - sweep(b));
  }
}

/**
 * The browser suite: real app on a free port, Debian's Chromium driven by playwright-core, axe on
 * every page. Two files at a time, each in its own fork with its own app and browser: one file
 * mostly waits on its Chromium (axe runs in the page), so two keep both cores busy.
 */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["test/global-setup.ts"],
    // A guard against a hung page, not a time budget (bench/ holds those): a journey checks many
    // pages, each with axe, and two files share the 2-core machine, so one test may take minutes.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Files share their worker's modules, as in the unit suite (each still starts its own app, on its
    // own database, and its own Chromium): the app's modules are evaluated once per worker, not per file.
    isolate: false,
    maxWorkers: 2,
    // In CI only, a failed test runs once more before it counts as failed: the 2-core machine is
    // shared by the app, PGlite and Chromium, and one slow moment must not sink a run. A test that
    // fails twice still fails the run, and the report still names every retried test.
    retry: process.env.CI ? 1 : 0,
    sequence: { sequencer: SweepsFirst },
  },
});
