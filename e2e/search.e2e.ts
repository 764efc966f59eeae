import { describe, expect, it } from "vitest";
import { newContext } from "./browser.js";
import { LANGUAGES } from "./pages.js";
import { startSuite } from "./suite.js";
import { expectFitsPhone, expectNoAxeViolations, PHONE, visit } from "./visit.js";

const { server, browser } = await startSuite();

/** Words each language's reader might type, that the help centre's reference articles hold. */
const QUERIES = { ar: "الفساد", fr: "corruption", en: "corruption" } as const;
/** The header box's label in each language. */
const LABELS = { ar: "ابحث في المنصة", fr: "Rechercher sur le portail", en: "Search the portal" } as const;

/**
 * The search box in every page's header (folded into the menu on a phone) and the search page's own form
 * (/:lang/search) show results that pass axe and fit a phone, in each language, with JavaScript on and
 * off: both are plain GET forms.
 */
describe.each(LANGUAGES)("the portal search in $lang", ({ lang, dir }) => {
  it.each([true, false])("searches from the search page (JavaScript %s)", async (javaScriptEnabled) => {
    const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled });
    const page = await context.newPage();
    await visit(page, `/${lang}/search`);
    const box = page.locator("#search-q");
    await box.fill(QUERIES[lang]);
    await Promise.all([page.waitForURL(/\/search\?/), box.press("Enter")]);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/${lang}/search`);
    expect(url.searchParams.get("q")).toBe(QUERIES[lang]);
    expect(await page.getAttribute("html", "dir")).toBe(dir);
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
    const hits = page.locator(".sh-search__hit");
    expect(await hits.count()).toBeGreaterThan(0);
    expect(await page.locator(".sh-search__mark").count()).toBeGreaterThan(0);

    // The filters are a plain form too: only the help centre's results.
    await page.selectOption("#search-kind", "help");
    await Promise.all([page.waitForURL(/kind=help/), page.locator("#search-q").press("Enter")]);
    await expectNoAxeViolations(page);
    // Attribute by attribute: evaluate() needs JavaScript, which this page may not have.
    const links: Array<string | null> = [];
    for (const a of await page.locator(".sh-search__hit h2 a").all())
      links.push(await a.getAttribute("href"));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(new RegExp(`^/${lang}/help`));

    // A result leads to its page.
    await Promise.all([
      page.waitForURL(new RegExp(`/${lang}/help`)),
      page.locator(".sh-search__hit h2 a").first().click(),
    ]);
    expect(new URL(page.url()).pathname.startsWith(`/${lang}/help`)).toBe(true);
    await context.close();
  });

  it.each([
    { javaScriptEnabled: true, viewport: PHONE },
    { javaScriptEnabled: false, viewport: PHONE },
    { javaScriptEnabled: true, viewport: { width: 1280, height: 800 } },
    { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } },
  ])(
    "searches from the header box of any page (JavaScript $javaScriptEnabled, $viewport.width px)",
    async ({ javaScriptEnabled, viewport }) => {
      const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled, viewport });
      const page = await context.newPage();
      await visit(page, `/${lang}/help`);
      const box = page.getByRole("searchbox", { name: LABELS[lang], exact: true });
      if (viewport.width === PHONE.width) {
        // On a phone the box is folded into the menu with the rest of the header, and fits the screen.
        await expect.poll(() => box.isVisible()).toBe(false);
        await page.locator("header summary").click();
        await expect.poll(() => box.isVisible()).toBe(true);
        await expectNoAxeViolations(page);
        await expectFitsPhone(page);
        const field = await box.boundingBox();
        const button = await page.locator(".sh-header-search__button").boundingBox();
        // The button sits at the inline end of the field: left of it in Arabic, right of it otherwise.
        if (dir === "rtl") expect(button!.x + button!.width).toBeLessThanOrEqual(field!.x + 1);
        else expect(button!.x).toBeGreaterThanOrEqual(field!.x + field!.width - 1);
      } else {
        expect(await box.isVisible()).toBe(true);
      }
      await box.fill(QUERIES[lang]);
      await Promise.all([page.waitForURL(/\/search\?/), box.press("Enter")]);
      const url = new URL(page.url());
      expect(url.pathname).toBe(`/${lang}/search`);
      expect(url.searchParams.get("q")).toBe(QUERIES[lang]);
      await expectNoAxeViolations(page);
      expect(await page.locator(".sh-search__hit").count()).toBeGreaterThan(0);
      await context.close();
    },
  );

  it("says so when nothing is found, and passes axe", async () => {
    const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `/${lang}/search?q=zzqxwv`);
    expect(await page.locator(".sh-empty-state").count()).toBe(1);
    await context.close();
  });
});
