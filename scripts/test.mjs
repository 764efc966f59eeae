#!/usr/bin/env node
/**
 * `npm test`: the unit and route suite, then the browser suite when Chromium is present; or the
 * suites TEST_SUITES names (`TEST_SUITES=cluster npm test`: the cluster suite, PostgreSQL and nginx).
 * Prints which database the run uses, each suite's counts and time, and ends with one line,
 * `N passed, N failed, N skipped`, summed over the suites that ran. Exits non-zero when a test
 * failed or a suite crashed without producing its results (counted as one failure).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function databaseLine() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return "database: PGlite (set TEST_DATABASE_URL to also run on PostgreSQL)";
  try {
    return `database: PostgreSQL at ${new URL(url).host}`;
  } catch {
    return "database: PostgreSQL (TEST_DATABASE_URL is not a valid URL)";
  }
}

/** Runs one vitest suite; returns its counts, read from vitest's JSON report. */
async function runSuite(name, args) {
  const dir = mkdtempSync(join(tmpdir(), "sharek-test-"));
  const report = join(dir, "report.json");
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(
      "npx",
      ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
      { stdio: "inherit" },
    );
    child.on("error", () => resolve(-1));
    child.on("close", (status, signal) => resolve(status ?? (signal ? 128 : -1)));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const problems = [];
  let json;
  try {
    json = JSON.parse(readFileSync(report, "utf8"));
  } catch {
    json = undefined;
  }
  if (json) {
    counts.passed = json.numPassedTests ?? 0;
    counts.failed = json.numFailedTests ?? 0;
    counts.skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    // A test file that failed to load or whose hooks threw has no failed test of its own.
    for (const file of json.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed").length;
      // Passed on its retry (CI retries a failed test once): named, with why it failed first.
      for (const t of file.assertionResults ?? []) {
        if (t.status !== "passed" || !(t.failureMessages ?? []).length) continue;
        problems.push(
          `passed on retry: ${relative(process.cwd(), file.name)} > ${t.fullName}: ${t.failureMessages[0].split("\n")[0]}`,
        );
      }
      if (file.status === "failed" && failedTests === 0) {
        counts.failed += 1;
        problems.push(
          `${relative(process.cwd(), file.name)}: ${(file.message || "failed without a failing test").split("\n")[0]}`,
        );
      }
    }
    if (code !== 0 && counts.failed === 0) {
      counts.failed += 1;
      problems.push(`vitest exited with code ${code} (an unhandled error, or no test found)`);
    }
  } else {
    counts.failed += 1;
    problems.push(`vitest exited with code ${code} without writing results`);
  }
  rmSync(dir, { recursive: true, force: true });
  const lines = problems.map((problem) => `${name} suite: ${problem}`);
  lines.push(
    `${name} suite: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${seconds} s`,
  );
  return { counts, lines };
}

const total = { passed: 0, failed: 0, skipped: 0 };
const summary = [databaseLine()];
console.log(summary[0]);

// TEST_SUITES=cluster (or unit,browser,cluster) picks the suites; unset: unit, and browser when Chromium is here.
const chosen = (process.env.TEST_SUITES || "unit,browser").split(",").map((s) => s.trim());
const known = {
  unit: [],
  browser: ["--config", "vitest.e2e.config.ts"],
  cluster: ["--config", "vitest.cluster.config.ts"],
};
const unknown = chosen.filter((name) => !(name in known));
if (unknown.length > 0) {
  console.error(`TEST_SUITES: unknown suite ${unknown.join(", ")} (known: ${Object.keys(known).join(", ")})`);
  process.exit(1);
}
const suites = chosen
  .filter((name) => name !== "browser" || existsSync(CHROMIUM))
  .map((name) => ({ name, args: known[name] }));
for (const { name, args } of suites) {
  const { counts, lines } = await runSuite(name, args);
  for (const key of Object.keys(total)) total[key] += counts[key];
  summary.push(...lines);
}
if (chosen.includes("browser") && !existsSync(CHROMIUM)) {
  summary.push(
    `skipped browser suite: chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-noto-core)`,
  );
}

console.log(`\n${summary.join("\n")}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;
