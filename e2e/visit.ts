import { AxeBuilder } from "@axe-core/playwright";
import type { ConsoleMessage, Page, Response } from "playwright-core";
import { expect } from "vitest";
import { scriptingEnabled } from "./browser.js";

/** The WCAG 2.1 A and AA rules: what a public service must meet. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface VisitOptions {
  /** The HTTP status the page must answer with (200 unless said). */
  status?: number;
}

/**
 * Opens a locale-prefixed path ("/ar/gallery") in the page, checks its HTTP status, then runs axe
 * on what the browser rendered. Every failure is soft, so one run reports all of them.
 */
export async function visit(
  page: Page,
  path: string,
  { status = 200 }: VisitOptions = {},
): Promise<Response> {
  const response = await page.goto(path, { waitUntil: "load" });
  if (!response) throw new Error(`no response for ${path}`);
  expect.soft(response.status(), `HTTP status of ${path}`).toBe(status);
  await expectNoAxeViolations(page, path);
  return response;
}

/** Runs axe (WCAG 2.1 A + AA) on the page as rendered, and fails listing every violation. */
export async function expectNoAxeViolations(page: Page, label = new URL(page.url()).pathname): Promise<void> {
  const violations = await axeViolations(page);
  const mode = scriptingEnabled(page.context()) ? "on" : "off";
  expect
    .soft(
      violations,
      `${violations.length} accessibility violation(s) on ${label} (JavaScript ${mode}):\n${violations.join("\n")}\n`,
    )
    .toEqual([]);
}

/** axe's WCAG 2.1 A + AA violations on the page as rendered: one entry per rule, with every node. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!scriptingEnabled(page.context())) await allowAxeWithoutScripting(page);
  // axe.run() inside the page ("legacy" mode). The default mode finishes each run in a new blank
  // tab: twice as slow, and that tab cannot run axe at all when JavaScript is off. It only differs
  // for cross-origin iframes, which Sharek's pages do not have.
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  return results.violations.map((v) =>
    [
      `- ${v.id} (${v.impact ?? "?"}): ${v.help}  ${v.helpUrl}`,
      ...v.nodes.map((n) => `    at ${n.target.map(String).join(" ")}: ${summary(n.failureSummary)}`),
    ].join("\n"),
  );
}

/** axe's "Fix any of the following:\n  reason\n  reason" as one line of reasons. */
function summary(failure: string | undefined): string {
  const lines = (failure ?? "").split("\n").map((l) => l.trim());
  return lines.slice(1).filter(Boolean).join("; ") || (lines[0] ?? "");
}

/**
 * With JavaScript off, Chromium runs no timers, MutationObserver or queueMicrotask callbacks, so
 * axe (which schedules work with them) never finishes. Promise reactions still run: this replaces
 * them, in the page's own window, by promise-based equivalents. No script of the page runs there,
 * so only axe sees the replacements, and the page is audited exactly as rendered without JavaScript.
 */
async function allowAxeWithoutScripting(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    let id = 0;
    const later = (fn: (...a: unknown[]) => void, args: unknown[]) => {
      void Promise.resolve().then(() => fn(...args));
      id += 1;
      return id;
    };
    w.setTimeout = (fn: (...a: unknown[]) => void, _ms?: number, ...args: unknown[]) => later(fn, args);
    w.clearTimeout = () => {};
    w.requestAnimationFrame = (fn: (t: number) => void) => later(fn as (...a: unknown[]) => void, [0]);
    w.MutationObserver = undefined;
    w.WebKitMutationObserver = undefined;
  });
}

export interface ConsoleWatch {
  /** Console errors and uncaught page errors since the last clear(). */
  errors: string[];
  /** Forgets what was seen so far (call before each visit when a page is reused). */
  clear(): void;
}

/** Records console errors and uncaught exceptions of a page. */
export function watchConsole(page: Page): ConsoleWatch {
  const watch: ConsoleWatch = {
    errors: [],
    clear() {
      watch.errors.length = 0;
    },
  };
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") watch.errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => watch.errors.push(`uncaught: ${error.message}`));
  return watch;
}

/**
 * The console errors that count against a page: all of them, except the browser's own note that
 * the document itself answered the error status the test expects (a 404 page must say 404).
 */
export function unexpectedConsoleErrors(watch: ConsoleWatch, url: string, status: number): string[] {
  if (status < 400) return [...watch.errors];
  const expected = `Failed to load resource: the server responded with a status of ${status} `;
  return watch.errors.filter((e) => !(e.startsWith(expected) && e.endsWith(`(${url})`)));
}

/** The document's language and direction, as the browser sees them. */
export async function documentLanguage(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute("lang"),
    dir: document.documentElement.getAttribute("dir"),
  }));
}

/** Width of the whole document: more than the viewport means the page scrolls sideways. */
export async function documentWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
