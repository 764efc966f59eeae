import { generate } from "otplib";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAccount, TEST_PASSWORD } from "../test/accounts.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, visit } from "./visit.js";

const { server, browser } = await startSuite();

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

const ACCOUNT_PAGES = ["/account", "/account/sessions", "/account/profile", "/account/delete"];

describe("a citizen with two-factor sign-in, in the browser", () => {
  it("reaches no account page with the password alone, and every one once the code is given", async () => {
    const email = `totp.browser.${Date.now()}@example.tn`;
    const account = await createAccount(server.database, { email, totp: true, displayName: "Sonia Totp" });
    const page = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: true })
    ).newPage();

    await visit(page, "/fr/sign-in");
    await page.fill("#email", email);
    await page.fill("#password", TEST_PASSWORD);
    await submit(page, 'form[action="/fr/sign-in"] button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe("/fr/sign-in/two-factor");

    for (const path of ACCOUNT_PAGES) {
      await visit(page, `/fr${path}`);
      const url = new URL(page.url());
      expect(url.pathname, path).toBe("/fr/sign-in/two-factor");
      expect(url.searchParams.get("next"), path).toBe(`/fr${path}`);
      expect(await page.textContent("body"), path).not.toContain("Sonia Totp");
    }

    await page.fill('input[name="code"]', await generate({ secret: account.totpSecret! }));
    await submit(page, 'form[action="/fr/sign-in/two-factor"] button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe("/fr/account/delete");
    for (const path of ACCOUNT_PAGES) {
      await visit(page, `/fr${path}`);
      expect(new URL(page.url()).pathname, path).toBe(`/fr${path}`);
    }
    expect(await page.textContent("header")).toContain("Sonia Totp");
  });

  it("can sign out from the code page", async () => {
    const email = `totp.out.${Date.now()}@example.tn`;
    await createAccount(server.database, { email, totp: true });
    const page = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: false })
    ).newPage();
    await visit(page, "/en/sign-in");
    await page.fill("#email", email);
    await page.fill("#password", TEST_PASSWORD);
    await submit(page, 'form[action="/en/sign-in"] button[type="submit"]');
    await submit(page, 'main form[action="/en/sign-out"] button');
    expect(new URL(page.url()).pathname).toBe("/en");
    await visit(page, "/en/sign-in/two-factor");
    expect(new URL(page.url()).pathname).toBe("/en/sign-in");
  });
});
