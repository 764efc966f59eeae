import { describe, expect, it } from "vitest";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { PHONE, SCREENSHOTS, visit } from "./visit.js";

const { server, browser } = await startSuite();

const MAIN_ACTIONS = [
  ["قدّم مطلبًا", "/ar/requests/new"],
  ["تابع مطلبك", "/ar/requests/follow"],
  ["أبدِ رأيك", "/ar/consultations"],
  ["بلّغ عن فساد", "/ar/integrity"],
] as const;

describe.each([
  { javaScript: true, mode: "on" },
  { javaScript: false, mode: "off" },
])("the Arabic home page on a 390 × 844 phone, JavaScript $mode", ({ javaScript, mode }) => {
  it("keeps the header to one row, folds the navigation into a menu, and shows the main actions", async () => {
    const context = await newContext(browser, {
      baseURL: server.origin,
      javaScriptEnabled: javaScript,
      viewport: PHONE,
    });
    const page = await context.newPage();
    await visit(page, "/ar");
    await page.screenshot({ path: `${SCREENSHOTS}phone-home-ar-${mode}.png` });

    const header = await page.locator("header").boundingBox();
    expect(header!.height, "header height in px").toBeLessThanOrEqual(100);

    // The sections are in a closed menu: hidden until its button is pressed.
    const consultations = page.locator("header nav").getByRole("link", { name: "الاستشارات", exact: true });
    await expect.poll(() => consultations.isVisible()).toBe(false);
    await page.locator("header summary").click();
    await expect.poll(() => consultations.isVisible()).toBe(true);
    await expect
      .poll(() => page.locator("header").getByRole("link", { name: "Français", exact: true }).isVisible())
      .toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}phone-home-ar-menu-${mode}.png` });
    await page.locator("header summary").click();
    await expect.poll(() => consultations.isVisible()).toBe(false);

    // Every main action lies wholly within the first screen, without scrolling.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const [name, href] of MAIN_ACTIONS) {
      const link = page.locator("main").getByRole("link", { name: new RegExp(`^${name}`) });
      expect(await link.getAttribute("href"), name).toBe(href);
      const box = await link.boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.y, name).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, `${name} ends within the screen`).toBeLessThanOrEqual(PHONE.height);
      expect(box!.x, name).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(PHONE.width);
    }

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow, "page width in px").toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});

describe("the header on a desktop screen", () => {
  it("shows the navigation without a menu button", async () => {
    const context = await newContext(browser, {
      baseURL: server.origin,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.goto("/ar");
    expect(await page.locator("header summary").isVisible()).toBe(false);
    expect(
      await page.locator("header nav").getByRole("link", { name: "الاستشارات", exact: true }).isVisible(),
    ).toBe(true);
    const header = await page.locator("header").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(160);
    await page.screenshot({ path: `${SCREENSHOTS}desktop-home-ar.png` });
    await context.close();
  });
});

describe("the transparency chart on a 320 px screen", () => {
  it("labels its months with the full year, in text at least 12 px high", async () => {
    const context = await newContext(browser, {
      baseURL: server.origin,
      viewport: { width: 320, height: 640 },
    });
    const page = await context.newPage();
    await page.goto("/ar/transparency");
    const labels = page.locator(".sh-chart__label");
    expect(await labels.count()).toBeGreaterThan(0);
    for (const label of await labels.all()) {
      expect(await label.textContent()).toMatch(/^\S+ \d{4}$/);
      const size = await label.evaluate((el) => {
        const svg = el.closest("svg")!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Number.parseFloat(getComputedStyle(el).fontSize) * scale;
      });
      expect(size, "rendered font size in px").toBeGreaterThanOrEqual(12);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});
