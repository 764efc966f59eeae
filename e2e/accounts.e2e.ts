import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { linkInLatestMail } from "../test/mail.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, visit } from "./visit.js";

const { server, browser } = await startSuite();

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

/** Follows the link of the newest mail to `email` (the outbox page is for platform admins only). */
async function followMailedLink(page: Page, email: string) {
  await visit(page, await linkInLatestMail(server.database, email));
}

describe.each(["ar", "fr", "en"])("the account life cycle in %s, in the browser", (lang) => {
  it("signs up, verifies through the outbox, signs in, and resets the password", async () => {
    const email = `browser.${lang}.${Date.now()}@example.tn`;
    const page = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: lang !== "fr" })
    ).newPage();
    await visit(page, `/${lang}/sign-up`);
    await page.fill("#display-name", "Amal Trabelsi");
    await page.fill("#email", email);
    await page.fill("#password", "une longue phrase de passe");
    await page.check('input[name="terms"]');
    await submit(page, 'form[action$="/sign-up"] button[type="submit"]');
    expect(await page.textContent("main")).toContain(email);

    await followMailedLink(page, email);
    await submit(page, 'main form button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe(`/${lang}/account`);
    await submit(page, 'header form[action$="/sign-out"] button');

    await visit(page, `/${lang}/sign-in`);
    await page.fill("#email", email);
    await page.fill("#password", "une longue phrase de passe");
    await submit(page, 'form[action$="/sign-in"] button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe(`/${lang}/account`);
    await submit(page, 'header form[action$="/sign-out"] button');

    await visit(page, `/${lang}/forgot-password`);
    await page.fill("#email", email);
    await submit(page, 'form[action$="/forgot-password"] button[type="submit"]');
    await followMailedLink(page, email);
    await page.fill("#password", "une toute nouvelle phrase");
    await submit(page, 'form[action*="/reset-password/"] button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe(`/${lang}/sign-in`);
    await page.fill("#email", email);
    await page.fill("#password", "une toute nouvelle phrase");
    await submit(page, 'form[action$="/sign-in"] button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe(`/${lang}/account`);
  });
});
