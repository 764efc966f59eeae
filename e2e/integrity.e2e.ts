import { generate } from "otplib";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { settleAppointments } from "../src/features/integrity/appointments.js";
import { CENTRAL_INTEGRITY_CODE, enrolOfficerKeys } from "../src/features/integrity/officers.js";
import { QUICK_EXIT_URL } from "../src/features/integrity/views/parts.js";
import { createAccount, TEST_PASSWORD } from "../test/accounts.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { documentWidth, expectNoAxeViolations, SCREENSHOTS, visit } from "./visit.js";

const { server, browser } = await startSuite();
const PHONE = { width: 390, height: 844 };

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

const photo = () =>
  sharp({ create: { width: 120, height: 90, channels: 3, background: "#964" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "Witness Phone 5" } })
    .toBuffer();

describe("integrity, in Arabic", () => {
  it("a report with evidence, the receipt, the officer (TOTP) reads and replies, the whistleblower reads the reply", async () => {
    // An integrity officer of the Municipality of Tunis, with keys.
    const email = `integrity.${Date.now()}@example.tn`;
    const account = await createAccount(server.database, {
      email,
      roles: [{ structure: "mun-tn-11", role: "integrity_officer" }],
    });
    // The unit's first officer: the appointment stands without a colleague's approval.
    await settleAppointments(server.database.db, account.id, { publicUrl: server.origin });
    const enrolled = await enrolOfficerKeys(server.database.db, account, TEST_PASSWORD);
    expect(enrolled.ok).toBe(true);

    // The whistleblower: no account, JavaScript on (the proof of work runs in the page).
    const whistleblower = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: true })
    ).newPage();
    await visit(whistleblower, "/ar/integrity");
    await submit(whistleblower, 'a[href="/ar/integrity/report"]');
    const what = "طلب منّي رئيس المصلحة مبلغًا ماليًا مقابل تسريع ملف رخصة البناء، وهدّد بتعطيله إن لم أدفع.";
    await whistleblower.selectOption("#structure", "mun-tn-11");
    await whistleblower.fill("#sector", "بلدية تونس، مصلحة رخص البناء");
    await whistleblower.fill("#what", what);
    await whistleblower.fill("#when", "فيفري 2026");
    await whistleblower.check('input[name="contact"][value="yes"]');
    await whistleblower.setInputFiles("#attachments", {
      name: "evidence.jpg",
      mimeType: "image/jpeg",
      buffer: await photo(),
    });
    // The page's script solves the anti-flood proof of work on its own, no third party involved.
    await whistleblower.waitForFunction(
      () => (document.querySelector('input[name="pow"]') as HTMLInputElement | null)?.value !== "",
    );
    await submit(whistleblower, 'form[action="/ar/integrity/report"] button[type="submit"]');
    const receipt = await whistleblower.getAttribute("[data-receipt]", "data-receipt");
    expect(receipt).toMatch(/^\d{16}$/);
    expect(new URL(whistleblower.url()).pathname).toBe("/ar/integrity/report");
    const cookies = await whistleblower.context().cookies();
    expect(cookies.map((c) => c.name)).toEqual(["csrf"]);

    // The officer signs in with a TOTP code, opens their key, reads the report and replies.
    const staff = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: true })
    ).newPage();
    await visit(staff, `/ar/sign-in?next=${encodeURIComponent("/ar/integrity/officer")}`);
    await staff.fill("#email", email);
    await staff.fill("#password", TEST_PASSWORD);
    await submit(staff, 'form[action="/ar/sign-in"] button[type="submit"]');
    await staff.fill('input[name="code"]', await generate({ secret: account.totpSecret! }));
    await submit(staff, 'form[action="/ar/sign-in/two-factor"] button[type="submit"]');
    expect(new URL(staff.url()).pathname).toBe("/ar/integrity/officer/unlock");
    await staff.fill("#password", TEST_PASSWORD);
    await submit(staff, 'form[action="/ar/integrity/officer/unlock"] button[type="submit"]');
    expect(new URL(staff.url()).pathname).toBe("/ar/integrity/officer");
    await submit(staff, 'a[href^="/ar/integrity/officer/reports/"]');
    expect(await staff.textContent("main")).toContain(what);
    const evidence = await staff.getAttribute('a[href*="/files/"]:not([href*="original"])', "href");
    const file = await staff.request.get(evidence!);
    expect(file.status()).toBe(200);
    expect((await sharp(await file.body()).metadata()).exif).toBeUndefined();
    const question = "شكرًا على تبليغك. هل لديك رسالة أو شاهد يؤكّد هذا الطلب؟";
    await staff.fill("#reply-body", question);
    await submit(staff, 'form[action$="/reply"] button[type="submit"]');
    expect(await staff.textContent("main")).toContain(question);

    // The whistleblower comes back with the receipt and reads the question.
    const later = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: false })
    ).newPage();
    await visit(later, "/ar/integrity/follow");
    await later.fill("#receipt", receipt!);
    await submit(later, 'form[action="/ar/integrity/follow"] button[type="submit"]');
    const main = await later.textContent("main");
    expect(main).toContain(question);
    expect(main).toContain("قيد الدرس");
  });
});

describe("integrity on a phone (390 × 844), in Arabic, with the default destination", () => {
  for (const javaScript of [true, false]) {
    const mode = javaScript ? "on" : "off";
    it(`JavaScript ${mode}: Exit this page on top, the central unit preselected, the report accepted, nothing wider than the screen`, async () => {
      // The central integrity unit's officer, with keys: the form's default destination can receive.
      const account = await createAccount(server.database, {
        email: `central.${mode}.${Date.now()}@example.tn`,
        roles: [{ structure: CENTRAL_INTEGRITY_CODE, role: "integrity_officer" }],
      });
      await settleAppointments(server.database.db, account.id, { publicUrl: server.origin });
      expect((await enrolOfficerKeys(server.database.db, account, TEST_PASSWORD)).ok).toBe(true);

      const page = await (
        await newContext(browser, { baseURL: server.origin, javaScriptEnabled: javaScript, viewport: PHONE })
      ).newPage();
      const fits = async (label: string) => {
        expect.soft(await documentWidth(page), `width of ${label} at 390px`).toBeLessThanOrEqual(PHONE.width);
        await page.screenshot({ path: `${SCREENSHOTS}integrity-${label}-ar-js-${mode}.png`, fullPage: true });
      };
      await visit(page, "/ar/integrity");
      const exit = page.locator(`a[href="${QUICK_EXIT_URL}"]`);
      expect(await exit.textContent()).toBe("مغادرة الصفحة بسرعة");
      expect((await exit.boundingBox())!.y).toBeLessThan(PHONE.height);
      await fits("home");
      await submit(page, 'main a[href="/ar/integrity/report"]');
      expect(await page.inputValue("#structure")).toBe("central");
      expect(await page.textContent("#structure option:checked")).toBe("الوحدة المركزية للنزاهة فقط");
      await fits("form");
      await page.fill("#sector", "وزارة الصحة، مستشفى جهوي");
      await page.fill(
        "#what",
        "تُقتنى أدوية بأسعار تفوق أسعار السوق من مزوّد واحد دون طلب عروض، ويُوقّع على استلام كميات لم تصل.",
      );
      await page.check('input[name="contact"][value="no"]');
      if (javaScript)
        await page.waitForFunction(
          () => (document.querySelector('input[name="pow"]') as HTMLInputElement | null)?.value !== "",
        );
      await submit(page, 'form[action="/ar/integrity/report"] button[type="submit"]');
      expect(await page.getAttribute("[data-receipt]", "data-receipt")).toMatch(/^\d{16}$/);
      expect(await exit.count()).toBe(1);
      await fits("receipt");
    });
  }

  it("Exit this page leaves at once: a plain link without JavaScript; with it, Esc three times, replacing the page in the history", async () => {
    const neutral = "<!doctype html><title>Neutral</title><p>neutral</p>";
    for (const javaScript of [false, true]) {
      const context = await newContext(browser, {
        baseURL: server.origin,
        javaScriptEnabled: javaScript,
        viewport: PHONE,
      });
      await context.route(`${QUICK_EXIT_URL}**`, (route) =>
        route.fulfill({ status: 200, contentType: "text/html", body: neutral }),
      );
      const page = await context.newPage();
      await visit(page, "/ar/integrity");
      await visit(page, "/ar/integrity/follow");
      if (javaScript) {
        expect(await page.isVisible(".sh-js-quick-exit-hint")).toBe(true);
        await page.fill("#receipt", "1234");
        await Promise.all([
          page.waitForURL(QUICK_EXIT_URL),
          (async () => {
            for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
          })(),
        ]);
        expect(page.url()).toBe(QUICK_EXIT_URL);
        // The follow page was replaced: Back goes to the page before it.
        await page.goBack();
        expect(new URL(page.url()).pathname).toBe("/ar/integrity");
      } else {
        expect(await page.isVisible(".sh-js-quick-exit-hint")).toBe(false);
        await Promise.all([page.waitForURL(QUICK_EXIT_URL), page.click(`a[href="${QUICK_EXIT_URL}"]`)]);
        expect(page.url()).toBe(QUICK_EXIT_URL);
      }
      await context.close();
    }
  });
});
