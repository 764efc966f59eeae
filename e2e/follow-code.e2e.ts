import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { documentWidth, expectNoAxeViolations, SCREENSHOTS, visit } from "./visit.js";

const { server, browser } = await startSuite();

/** A cheap phone's screen. */
const PHONE = { width: 390, height: 844 };

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

/** How many lines an element's text takes (its height over its line height). */
async function lines(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((element) => {
    const style = getComputedStyle(element);
    const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5;
    return element.getClientRects().length === 1
      ? Math.round(element.getBoundingClientRect().height / lineHeight)
      : element.getClientRects().length;
  });
}

describe.each([
  { javaScript: false, mode: "off" },
  { javaScript: true, mode: "on" },
])("an anonymous request on a 390 × 844 phone, in Arabic, JavaScript $mode", ({ javaScript, mode }) => {
  it("keeps the follow-up on screen (link wraps, reference whole) and the follow code opens the request", async () => {
    const context = await newContext(browser, {
      baseURL: server.origin,
      javaScriptEnabled: javaScript,
      viewport: PHONE,
    });
    if (javaScript) await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    const subject = `حفرة عميقة في نهج القاهرة (${mode})`;

    await visit(page, "/ar/requests/new");
    await page.check('input[name="type"][value="complaint"]');
    await submit(page, 'form[action="/ar/requests/new"] button[type="submit"]');
    await page.fill('main input[name="q"]', "بلدية تونس");
    await submit(page, 'main input[name="q"] >> xpath=ancestor::form//button');
    await page.check('input[name="structure"][value="mun-tn-11"]');
    await submit(page, 'input[name="structure"] >> xpath=ancestor::form//button[@type="submit"]');
    await page.fill("#subject", subject);
    await page.fill(
      "#description",
      "حفرة عميقة وسط الطريق في نهج القاهرة منذ أسبوع، وقد سقط فيها راكب درّاجة.",
    );
    await page.selectOption("#governorate", "TN-11");
    await page.check('input[name="contactMode"][value="anonymous"]');
    await submit(page, 'form[enctype="multipart/form-data"] button[type="submit"]');

    // The confirmation: nothing sticks out sideways, and the reference in the heading is whole.
    expect(new URL(page.url()).pathname).toMatch(/^\/ar\/requests\/follow\//);
    await page.screenshot({ path: `${SCREENSHOTS}phone-follow-confirmation-ar-${mode}.png`, fullPage: true });
    expect(await documentWidth(page), "page width in px").toBeLessThanOrEqual(PHONE.width);
    const heading = ".sh-banner__heading .sh-ref";
    const reference = (await page.locator(heading).textContent())!.trim();
    expect(reference).toMatch(/^EC-\d{4}-\d{6}$/);
    expect(await lines(page, heading), "lines of the reference in the heading").toBe(1);
    const link = page.locator(".sh-case-keep__link");
    const linkBox = await link.boundingBox();
    expect(linkBox!.x).toBeGreaterThanOrEqual(0);
    expect(linkBox!.x + linkBox!.width).toBeLessThanOrEqual(PHONE.width);
    const pin = (await page.locator(".sh-case-keep__list .sh-ref").nth(1).textContent())!.trim();
    expect(pin).toMatch(/^\d{4} \d{4}$/);

    // Copy: a button only where it can work, which says it copied.
    const copy = page.getByRole("button", { name: "انسخ الرابط" });
    expect(await copy.isVisible()).toBe(javaScript);
    if (javaScript) {
      await copy.click();
      await expect.poll(() => page.locator(".sh-js-copy-status").textContent()).toBe("تمّ نسخ الرابط");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        (await link.textContent())!.trim(),
      );
    }

    // The receipt to print: a page of its own, with the reference, the follow code and the link.
    await submit(page, 'a[href$="/receipt"]');
    await page.screenshot({ path: `${SCREENSHOTS}phone-follow-receipt-ar-${mode}.png`, fullPage: true });
    expect(await documentWidth(page), "receipt width in px").toBeLessThanOrEqual(PHONE.width);
    const receipt = (await page.textContent("main"))!;
    expect(receipt).toContain(reference);
    expect(receipt).toContain(pin);
    expect(await page.getByRole("button", { name: "اطبع هذا الوصل" }).isVisible()).toBe(javaScript);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header").isVisible()).toBe(false);
    expect(await page.locator(".sh-case-receipt .sh-case-keep__link").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    // Later, in another browser, from the home page: the number (in Arabic-Indic digits, without
    // "EC-") and the follow code open the request.
    const later = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: javaScript, viewport: PHONE })
    ).newPage();
    await visit(later, "/ar");
    await Promise.all([
      later.waitForNavigation(),
      later
        .locator("main")
        .getByRole("link", { name: /^تابع مطلبك/ })
        .click(),
    ]);
    expect(new URL(later.url()).pathname).toBe("/ar/requests/follow");
    await expectNoAxeViolations(later);
    const arabicDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    // A wrong code first: an error summary, and no request.
    await later.fill("#reference", arabicDigits(reference.slice(3)));
    await later.fill("#pin", pin === "0000 0000" ? "1111 1111" : "0000 0000");
    await submit(later, 'form[action="/ar/requests/follow"] button[type="submit"]');
    expect(await later.locator(".sh-error-summary").isVisible()).toBe(true);
    await later.screenshot({ path: `${SCREENSHOTS}phone-follow-code-error-ar-${mode}.png`, fullPage: true });
    await later.fill("#pin", arabicDigits(pin));
    await submit(later, 'form[action="/ar/requests/follow"] button[type="submit"]');
    expect(new URL(later.url()).pathname).toBe(`/ar/requests/by-code/${reference}`);
    expect(await later.locator("h1").textContent()).toBe(subject);
    expect(await documentWidth(later), "page width in px").toBeLessThanOrEqual(PHONE.width);
    await later.screenshot({ path: `${SCREENSHOTS}phone-follow-code-opened-ar-${mode}.png`, fullPage: true });
    await later.context().close();
    await context.close();
  });
});
