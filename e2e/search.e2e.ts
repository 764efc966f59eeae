import { describe, expect, it } from "vitest";
import { newContext } from "./browser.js";
import { LANGUAGES } from "./pages.js";
import { startSuite } from "./suite.js";
import { expectFitsPhone, expectNoAxeViolations, visit } from "./visit.js";

const { server, browser } = await startSuite();

/** Words each language's reader might type, that the help centre's reference articles hold. */
const QUERIES = { ar: "الفساد", fr: "corruption", en: "corruption" } as const;

/**
 * The search page's form (/:lang/search, linked from every page's footer) shows results that pass axe and fit a
 * phone, in each language, with JavaScript on and off: it is a plain GET form.
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

  it("says so when nothing is found, and passes axe", async () => {
    const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `/${lang}/search?q=zzqxwv`);
    expect(await page.locator(".sh-empty-state").count()).toBe(1);
    await context.close();
  });
});
