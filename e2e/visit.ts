import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import type { ConsoleMessage, Page, Response } from "playwright-core";
import { expect } from "vitest";
import { scriptingEnabled } from "./browser.js";

/** The WCAG 2.1 A and AA rules: what a public service must meet. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Where the browser suite keeps its screenshots (artefacts to look at; git ignores them). */
export const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });
/**
 * Whether the sweeps keep a full-page screenshot of every page they check (hundreds per language):
 * for people to look at, so on a developer's machine, not in CI (where nobody opens them and they
 * cost minutes), unless E2E_SCREENSHOTS=1 asks for them there too. No test reads them.
 */
export const SWEEP_SCREENSHOTS = !process.env.CI || process.env.E2E_SCREENSHOTS === "1";

/** A cheap phone's screen: every page of the sweeps, and every page reached by a form, must fit it. */
export const PHONE = { width: 390, height: 844 } as const;

export interface VisitOptions {
  /** The HTTP status the page must answer with (200 unless said). */
  status?: number;
  /** true: also check that the page fits a 390 × 844 phone (the page sweeps and the POST pages do). */
  phone?: boolean;
}

/**
 * Opens a locale-prefixed path ("/ar/gallery") in the page, checks its HTTP status, runs axe on
 * what the browser rendered, then, when asked, checks that the same page fits a 390 × 844 phone
 * screen. Every failure is soft, so one run reports all of them.
 */
export async function visit(
  page: Page,
  path: string,
  { status = 200, phone = false }: VisitOptions = {},
): Promise<Response> {
  const response = await page.goto(path, { waitUntil: "load" });
  if (!response) throw new Error(`no response for ${path}`);
  expect.soft(response.status(), `HTTP status of ${path}`).toBe(status);
  await expectNoAxeViolations(page, path);
  if (phone) await expectFitsPhone(page, path);
  return response;
}

/**
 * Resizes the page as it is (no reload: a resize costs a layout, a reload a request) to 390 × 844,
 * checks that nothing sticks out of the screen (see expectFits), optionally keeps a screenshot,
 * and gives the page its former size back.
 */
export async function expectFitsPhone(
  page: Page,
  label = new URL(page.url()).pathname,
  { screenshot }: { screenshot?: string } = {},
): Promise<void> {
  const before = page.viewportSize();
  const resize = before?.width !== PHONE.width || before?.height !== PHONE.height;
  if (resize) await page.setViewportSize(PHONE);
  try {
    await expectFits(page, PHONE.width, label);
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  } finally {
    if (resize && before) await page.setViewportSize(before);
  }
}

/**
 * Fails (softly) when the page at its present size is wider than `width`, in either direction.
 * The document's scrollWidth alone is not enough: in a right-to-left page, what sticks out on the
 * left (the inline end) can be scrolled to and counts in scrollWidth, but what sticks out on the
 * right (the inline start) cannot be scrolled to at all and does not count; in a left-to-right page
 * the same holds for what sticks out on the left. So every element's box is checked too.
 */
export async function expectFits(page: Page, width: number, label = new URL(page.url()).pathname) {
  const { scrollWidth, outside } = await overflow(page);
  expect
    .soft(scrollWidth, `document width of ${label} at ${width}px (sideways scrolling)`)
    .toBeLessThanOrEqual(width);
  expect.soft(outside, `elements of ${label} outside a ${width}px screen`).toEqual([]);
}

/**
 * The document's scrollWidth, and the outermost visible elements whose box, or whose own text (a
 * long word sticks out of a box that fits), goes past the left or right edge of the screen
 * ("tag.class [left..right] text"). What a scroll container (a table wrapper) holds is not counted:
 * it scrolls inside its box.
 */
export async function overflow(page: Page): Promise<{ scrollWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    const outside: string[] = [];
    const sticksOut = (r: DOMRect) => r.width > 0 && r.height > 0 && (r.left < -1 || r.right > screen + 1);
    const describe = (el: Element, r: DOMRect, what = "") => {
      const classes = Array.from(el.classList)
        .map((c) => `.${c}`)
        .join("");
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${classes}${what} [${Math.round(r.left)}..${Math.round(r.right)}] "${text}"`;
    };
    const range = document.createRange();
    // `clipper`: the nearest scroll container above, which holds what sticks out of it, except
    // absolutely positioned boxes placed against something outside it (they escape: a
    // visually-hidden label in a wide table, whose wrapper is not positioned, widens the page).
    const walk = (parent: Element, clipper: Element | null) => {
      for (const node of Array.from(parent.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
          if (clipper || !node.textContent?.trim()) continue;
          range.selectNodeContents(node);
          const r = range.getBoundingClientRect();
          if (sticksOut(r)) outside.push(describe(parent, r, " (its text)"));
          continue;
        }
        if (!(node instanceof HTMLElement || node instanceof SVGElement)) continue;
        // Not rendered, or inside a closed <details>: nothing on the screen.
        if (!node.checkVisibility()) continue;
        const style = getComputedStyle(node);
        let inside = clipper;
        if (clipper && (style.position === "absolute" || style.position === "fixed")) {
          const placedAgainst = node instanceof HTMLElement ? node.offsetParent : null;
          if (!placedAgainst || !clipper.contains(placedAgainst)) inside = null;
        }
        const r = node.getBoundingClientRect();
        if (!inside && style.visibility !== "hidden" && sticksOut(r)) {
          outside.push(describe(node, r));
          continue;
        }
        walk(node, style.overflowX === "visible" ? inside : node);
      }
    };
    walk(document.body, null);
    return { scrollWidth: document.documentElement.scrollWidth, outside };
  });
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
  // axe.run() inside the page, injected once per page: @axe-core/playwright's AxeBuilder injects
  // its 550 kB twice per run (twice the parse, about 0.3 s a page), or finishes each run in a new
  // blank tab, which cannot run axe at all when JavaScript is off. Sharek's pages have no iframes.
  // Only violations are gathered in full (resultTypes): passes are not reported.
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    AXE_TAGS,
  );
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
