import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { randomToken, sha256 } from "../src/core/auth/secrets.js";
import { accountIdentities, accounts } from "../src/core/auth/tables.js";
import { PENDING_COOKIE } from "../src/features/eid/pending.js";
import { eidPendingSignIns } from "../src/features/eid/tables.js";
import { legalAcceptances } from "../src/features/legal/tables.js";
import { launchBrowser, newContext } from "./browser.js";
import { LANGUAGES } from "./pages.js";
import { startServer } from "./server.js";
import {
  documentLanguage,
  expectFits,
  expectNoAxeViolations,
  SCREENSHOTS,
  unexpectedConsoleErrors,
  visit,
  watchConsole,
} from "./visit.js";

/**
 * The e-ID's acceptance step in a real browser, in each language, with JavaScript on and off. The
 * e-ID is switched on with an issuer nobody answers: the step itself never calls the provider, and
 * the identity the callback would have kept is put in the database, its token in the browser.
 */
const server = await startServer({
  OIDC_ISSUER: "http://127.0.0.1:9",
  OIDC_CLIENT_ID: "sharek",
  OIDC_CLIENT_SECRET: "e2e-secret",
  OIDC_NAME: "Mobile ID",
});
const browser = await launchBrowser().catch(async (error) => {
  await server.close();
  throw error;
});
afterAll(async () => {
  await browser.close();
  await server.close();
});
const db = server.database.db;
const NARROW = { width: 320, height: 640 };

async function pendingIdentity(subject: string, name: string, lang: string) {
  const token = randomToken();
  await db.insert(eidPendingSignIns).values({
    tokenHash: sha256(token),
    claims: { issuer: "http://127.0.0.1:9", subject, email: null, emailVerified: false, name },
    locale: lang,
    next: `/${lang}/ideas`,
    existingAccount: false,
    expiresAt: new Date(Date.now() + 10 * 60_000),
  });
  return token;
}

async function submit(page: Page, action: string) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.click(`form[action="${action}"] button`),
  ]);
  await expectNoAxeViolations(page);
  return response;
}

describe.each(
  LANGUAGES.flatMap(({ lang, dir }) => [true, false].map((javaScript) => ({ lang, dir, javaScript }))),
)("the e-ID acceptance step in $lang, JavaScript $javaScript", ({ lang, dir, javaScript }) => {
  it("shows the terms, refuses an unticked box with its summary, and creates the account once ticked", async () => {
    const mode = javaScript ? "js" : "nojs";
    const subject = `e2e-${lang}-${mode}`;
    const name = `Amal ${lang} ${mode}`;
    const context = await newContext(browser, {
      baseURL: server.origin,
      javaScriptEnabled: javaScript,
      viewport: NARROW,
    });
    await context.addCookies([
      { name: PENDING_COOKIE, value: await pendingIdentity(subject, name, lang), url: server.origin },
    ]);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    const path = `/${lang}/sign-in/eid/accept`;

    await visit(page, path, { phone: true });
    expect(await documentLanguage(page)).toEqual({ lang, dir });
    await expectFits(page, NARROW.width, path);
    expect(unexpectedConsoleErrors(consoleErrors, page.url(), 200)).toEqual([]);
    expect(await page.locator(`main a[href="/${lang}/legal/terms"]`).count()).toBe(1);
    expect(await page.locator(`main a[href="/${lang}/legal/privacy"]`).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}eid-accept-${lang}-${mode}.png`, fullPage: true });

    const refused = await submit(page, path);
    expect(refused?.status()).toBe(422);
    expect(await page.locator(".sh-error-summary a[href='#terms']").count()).toBe(1);
    await expectFits(page, NARROW.width, `${path} (422)`);
    const [before] = await db.select().from(accountIdentities).where(eq(accountIdentities.subject, subject));
    expect(before).toBeUndefined();

    await page.check('input[name="terms"]');
    await submit(page, path);
    expect(new URL(page.url()).pathname).toBe(`/${lang}/ideas`);
    expect(await page.textContent("header")).toContain(name);
    const [link] = await db.select().from(accountIdentities).where(eq(accountIdentities.subject, subject));
    const [account] = await db.select().from(accounts).where(eq(accounts.id, link!.accountId));
    expect(account!.locale).toBe(lang);
    const accepted = await db
      .select()
      .from(legalAcceptances)
      .where(eq(legalAcceptances.accountId, account!.id));
    expect(accepted).toHaveLength(2);
    await context.close();
  });
});
