import type { Page, Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import { createTestConsultation } from "../src/features/consultations/testing.js";
import { createAccount } from "../test/accounts.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, SCREENSHOTS, visit } from "./visit.js";

const { server, browser } = await startSuite();

/** A cheap phone's screen. */
const PHONE = { width: 390, height: 844 };

async function phone(javaScriptEnabled: boolean, signedIn: boolean) {
  const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled, viewport: PHONE });
  if (signedIn) {
    const account = await createAccount(server.database, {});
    const { token } = await createSession(server.database.db, account.id, {
      persistent: false,
      device: "e2e",
    });
    await context.addCookies([
      { name: SESSION_COOKIE, value: token, url: server.origin, httpOnly: true, sameSite: "Lax" },
    ]);
  }
  return { context, page: await context.newPage() };
}

/** Clicks `selector`, waits for the page it leads to, and runs axe on it. */
async function submit(page: Page, selector: string): Promise<Response | null> {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
  return response;
}

describe.each([
  { javaScript: true, mode: "on" },
  { javaScript: false, mode: "off" },
])("a form sent with mistakes, in Arabic on a 390 × 844 phone, JavaScript $mode", ({ javaScript, mode }) => {
  it("announces an empty comment at the top of the page, focused, then takes the corrected one", async () => {
    const { consultation } = await createTestConsultation(server.database.db, { phase: "open" });
    const { context, page } = await phone(javaScript, true);
    await visit(page, `/ar/consultations/${consultation.id}`);
    const send = 'form[action$="/comments"]:not(:has(input[name="parentId"])) button[type="submit"] >> nth=0';
    await page.check('input[name="alignment"][value="for"] >> nth=0');
    const refused = await submit(page, send);
    expect(refused?.status()).toBe(422);

    expect(await page.title()).toMatch(/^خطأ: /);
    const summary = page.locator("main > #error-summary");
    expect(await summary.isVisible()).toBe(true);
    // It is the first thing in <main>, on the first screen, and holds the focus.
    const box = await summary.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
    const link = summary.getByRole("link", { name: "أدخل تعليقك" });
    expect(await link.getAttribute("href")).toBe("#comment-body");
    await page.screenshot({ path: `${SCREENSHOTS}form-errors-comment-ar-${mode}.png` });

    // The link leads to the field (and with JavaScript, focuses it).
    await link.click();
    if (javaScript) expect(await page.evaluate(() => document.activeElement?.id)).toBe("comment-body");
    const comment = `الفصل الأول واضح ومفيد للمواطنين (${mode})`;
    await page.fill("#comment-body", comment);
    const accepted = await submit(page, send);
    expect(accepted?.status()).toBe(200);
    expect(await page.title()).not.toMatch(/^خطأ/);
    expect(await page.locator("#error-summary").count()).toBe(0);
    expect(await page.textContent("main")).toContain("نُشر تعليقك");
    expect(await page.textContent("main")).toContain(comment);
    await context.close();
  });

  it("labels the request form's file input in Arabic, and says what is chosen", async () => {
    const { context, page } = await phone(javaScript, false);
    await visit(page, "/ar/requests/new?type=notice&structure=unknown");
    const upload = page.locator('[data-module="sh-file-upload"]');
    const button = upload.locator("label.sh-file-upload__button");
    expect(await button.isVisible()).toBe(true);
    expect(await button.textContent()).toBe("اختر ملفات");
    expect(await upload.textContent()).toContain("لم تختر أي ملف");
    // The input itself is still reached by the keyboard.
    await page.focus("#attachments");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("attachments");
    await page.setInputFiles("#attachments", {
      name: "حفرة.png",
      mimeType: "image/png",
      buffer: Buffer.from("89504e470d0a1a0a", "hex"),
    });
    // innerText: what is shown (without JavaScript, CSS hides the status that does not apply).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
    const status = await upload.locator(".sh-file-upload__status").innerText();
    expect(status).not.toContain("لم تختر أي ملف");
    expect(status).toContain(javaScript ? "حفرة.png" : "اخترت ملفًا أو أكثر");
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}file-upload-ar-${mode}.png` });
    await context.close();
  });
});
