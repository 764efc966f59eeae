import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newContext } from "./browser.js";
import { discoverPages, LANGUAGES, localized } from "./pages.js";
import { startSuite } from "./suite.js";
import {
  type ConsoleWatch,
  documentLanguage,
  documentWidth,
  unexpectedConsoleErrors,
  visit,
  watchConsole,
} from "./visit.js";

const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/** The narrowest phone screen a page must fit without scrolling sideways. */
const NARROW = { width: 320, height: 640 };

const { server, browser } = await startSuite();
const pages = await discoverPages(server.origin);

it("finds the gallery's component pages from the gallery index", () => {
  expect(pages.filter((p) => p.name.startsWith("gallery-")).length).toBeGreaterThan(0);
});

describe.each(
  LANGUAGES.flatMap(({ lang, dir }) =>
    [true, false].map((javaScript) => ({ lang, dir, javaScript, mode: javaScript ? "js" : "nojs" })),
  ),
)("in $lang, JavaScript $mode", ({ lang, dir, javaScript, mode }) => {
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: ConsoleWatch;

  beforeAll(async () => {
    context = await newContext(browser, {
      baseURL: server.origin,
      javaScriptEnabled: javaScript,
      viewport: NARROW,
    });
    page = await context.newPage();
    consoleErrors = watchConsole(page);
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(pages)(`$name ($path): status, ${lang} ${dir}, axe, console, fits 320px`, async (spec) => {
    const path = localized(lang, spec.path);
    consoleErrors.clear();
    await visit(page, path, { status: spec.status });

    expect.soft(await documentLanguage(page), `<html lang dir> of ${path}`).toEqual({ lang, dir });
    expect
      .soft(unexpectedConsoleErrors(consoleErrors, page.url(), spec.status), `console errors on ${path}`)
      .toEqual([]);
    expect
      .soft(await documentWidth(page), `document width of ${path} at 320px (sideways scrolling)`)
      .toBeLessThanOrEqual(NARROW.width);
    await page.screenshot({ path: `${SCREENSHOTS}${spec.name}-${lang}-${mode}.png`, fullPage: true });
  });
});
