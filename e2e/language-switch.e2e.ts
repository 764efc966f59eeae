import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newContext } from "./browser.js";
import { galleryComponentPages } from "./pages.js";
import { startSuite } from "./suite.js";
import { documentLanguage, visit } from "./visit.js";

const { server, browser } = await startSuite();
const components = await galleryComponentPages(server.origin);

/** The header's language switch, as a visitor uses it: by the language's own name. */
async function switchTo(page: Page, languageName: string) {
  await Promise.all([
    page.waitForNavigation(),
    page.locator("header").getByRole("link", { name: languageName, exact: true }).click(),
  ]);
}

describe.each([
  { javaScript: true, mode: "on" },
  { javaScript: false, mode: "off" },
])("the language switch, with JavaScript $mode", ({ javaScript }) => {
  it("takes the Arabic home page to the French home page", async () => {
    const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await visit(page, "/ar");
    await switchTo(page, "Français");
    expect(new URL(page.url()).pathname).toBe("/fr");
    expect(await documentLanguage(page)).toEqual({ lang: "fr", dir: "ltr" });
    await switchTo(page, "English");
    expect(new URL(page.url()).pathname).toBe("/en");
    await context.close();
  });

  it("keeps the page on a gallery component page, and its query", async () => {
    const component = components[0];
    expect(component, "a component page listed by the gallery").toBeDefined();
    const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await visit(page, `/ar${component!.path}?state=error`);
    await switchTo(page, "Français");
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(
      `/fr${component!.path}?state=error`,
    );
    expect(await documentLanguage(page)).toEqual({ lang: "fr", dir: "ltr" });
    await switchTo(page, "العربية");
    expect(new URL(page.url()).pathname).toBe(`/ar${component!.path}`);
    expect(await documentLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });
    await context.close();
  });
});
