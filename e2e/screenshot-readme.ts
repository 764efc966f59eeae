/**
 * Takes the README's picture: the Arabic home page at 1280×800, saved to docs/screenshot-home-ar.png.
 * Run with `npx tsx e2e/screenshot-readme.ts` (PGlite; or on PostgreSQL with TEST_DATABASE_URL).
 */
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import setup from "../test/global-setup.js";
import { launchBrowser, newContext } from "./browser.js";

const OUTPUT = fileURLToPath(new URL("../docs/screenshot-home-ar.png", import.meta.url));

const teardown = await setup(); // the run's template database, as the test suites make it
const { startServer } = await import("./server.js"); // after setup: it names the run's databases
const server = await startServer({ LOG_LEVEL: "warn" });
const browser = await launchBrowser();
try {
  const context = await newContext(browser, {
    baseURL: server.origin,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const response = await page.goto("/ar", { waitUntil: "load" });
  if (response?.status() !== 200) throw new Error(`/ar answered ${response?.status()}`);
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(join(OUTPUT, ".."), { recursive: true });
  await page.screenshot({ path: OUTPUT });
  console.log(`saved ${OUTPUT}`);
} finally {
  await browser.close();
  await server.close();
  await teardown();
  rmSync(join(tmpdir(), `sharek_test_${process.env.SHAREK_TEST_RUN}.tar`), { force: true });
}
