import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "./browser.js";
import { axeViolations, documentWidth, unexpectedConsoleErrors, watchConsole } from "./visit.js";

/** The checks of the browser suite must fail on a bad page, with JavaScript on and off alike. */
const browser = await launchBrowser();
afterAll(() => browser.close());

const ORIGIN = "http://checks.test";
const GOOD = `<!doctype html><html lang="en" dir="ltr"><head><title>Good</title></head>
<body><main><h1>Good</h1><p>Plain text.</p></main></body></html>`;
const BAD = `<!doctype html><html lang="en" dir="ltr"><head><title>Bad</title>
<link rel="stylesheet" href="/bad.css"><link rel="stylesheet" href="/missing.css"><script src="/boom.js"></script></head>
<body><main><h1>Bad</h1><img src="/photo.png"><p class="faint">Faint text</p><div class="wide">Wide</div></main></body></html>`;

async function openPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await newContext(browser, {
    baseURL: ORIGIN,
    javaScriptEnabled,
    viewport: { width: 320, height: 640 },
  });
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const csp = { "content-security-policy": "default-src 'self'" };
    if (path === "/good") return route.fulfill({ contentType: "text/html", headers: csp, body: GOOD });
    if (path === "/bad") return route.fulfill({ contentType: "text/html", headers: csp, body: BAD });
    if (path === "/bad.css")
      return route.fulfill({
        contentType: "text/css",
        body: ".faint{color:#c8c8c8}.wide{inline-size:800px}",
      });
    if (path === "/boom.js")
      return route.fulfill({ contentType: "text/javascript", body: "throw new Error('boom')" });
    return route.fulfill({ status: 404, contentType: "text/plain", body: "not found" });
  });
  return context.newPage();
}

describe.each([
  { javaScript: true, mode: "on" },
  { javaScript: false, mode: "off" },
])("with JavaScript $mode", ({ javaScript }) => {
  it("find no violation on a clean page", async () => {
    const page = await openPage(javaScript);
    const errors = watchConsole(page);
    await page.goto("/good");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors.errors).toEqual([]);
    expect(await documentWidth(page)).toBeLessThanOrEqual(320);
    await page.context().close();
  });

  it("report axe violations, console errors and sideways scrolling on a bad page", async () => {
    const page = await openPage(javaScript);
    const errors = watchConsole(page);
    await page.goto("/bad");
    const violations = await axeViolations(page);
    expect(violations.map((v) => v.split(" ")[1])).toEqual(["color-contrast", "image-alt"]);
    expect(violations.join("\n")).toContain("at img:");
    expect(violations.join("\n")).toContain("at p: Element has insufficient color contrast");
    const unexpected = unexpectedConsoleErrors(errors, page.url(), 200);
    expect(unexpected.some((e) => e.includes("404") && e.includes("/missing.css"))).toBe(true);
    expect(unexpected.some((e) => e.includes("boom"))).toBe(javaScript);
    expect(await documentWidth(page)).toBeGreaterThan(320);
    await page.context().close();
  });
});
