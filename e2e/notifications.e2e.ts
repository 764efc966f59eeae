import { describe, expect, it } from "vitest";
import { notify } from "../src/core/notifications/notify.js";
import { signedInContext } from "./sign-in.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, PHONE, SCREENSHOTS, visit } from "./visit.js";

const { server, browser } = await startSuite();

describe.each([
  { javaScript: false, mode: "off" },
  { javaScript: true, mode: "on" },
])("the notification centre, JavaScript $mode", ({ javaScript, mode }) => {
  it("shows the unread count in the header on a phone, lists each notification in the reader's language, marks them read, and saves how they are told", async () => {
    const { context, account } = await signedInContext(
      browser,
      server,
      {},
      { javaScriptEnabled: javaScript, viewport: PHONE },
    );
    const db = server.database.db;
    await notify(db, account.id, "request-update", {
      params: { notice: "replied", reference: `E2E-${mode}-1` },
      link: "/requests",
    });
    await notify(db, account.id, "moderation-decision", {
      params: { decision: "hidden", reason: "Advertising." },
      link: "/legal/terms",
    });
    const page = await context.newPage();

    // On a phone the header keeps to one row with its folded menu; the menu button carries the count.
    await visit(page, "/en");
    const header = await page.locator("header").boundingBox();
    expect(header!.height, "header height in px").toBeLessThanOrEqual(100);
    expect(await page.locator("header summary .sh-header__badge").textContent()).toContain("2");
    await page.screenshot({ path: `${SCREENSHOTS}phone-notifications-badge-${mode}.png` });
    await page.locator("header summary").click();
    const link = page.locator("header").getByRole("link", { name: /^Notifications/ });
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await link.textContent()).toContain("2 unread notifications");
    await Promise.all([page.waitForNavigation(), link.click()]);
    await expectNoAxeViolations(page);

    const items = page.locator(".sh-notifications__item");
    expect(await items.count()).toBe(2);
    expect(await items.nth(1).textContent()).toContain(`Your request E2E-${mode}-1 has been answered`);
    expect(await items.nth(0).textContent()).toContain("Your contribution was hidden. Reason: Advertising.");
    expect(await items.nth(1).getByRole("link").getAttribute("href")).toBe("/en/requests");

    await Promise.all([
      page.waitForNavigation(),
      items
        .nth(1)
        .getByRole("button", { name: /^Mark as read/ })
        .click(),
    ]);
    await expectNoAxeViolations(page);
    expect(await page.locator("#flash").textContent()).toContain("Notification marked as read.");
    expect(await page.locator("header summary .sh-header__badge").textContent()).toContain("1");
    await page.screenshot({ path: `${SCREENSHOTS}phone-notifications-${mode}.png`, fullPage: true });

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Mark all as read" }).click(),
    ]);
    expect(await page.locator(".sh-header__badge").count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain("Everything is read.");

    // How they are told: e-mail off for their requests' replies, saved with a plain form.
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("link", { name: "Choose how you are told" }).click(),
    ]);
    await expectNoAxeViolations(page);
    await page.locator("#request-update-channels-2").uncheck();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Save my choices" }).click(),
    ]);
    await expectNoAxeViolations(page);
    expect(await page.locator("#flash").textContent()).toContain("Your choices are saved.");
    expect(await page.locator("#request-update-channels-2").isChecked()).toBe(false);
    expect(await page.locator("#request-update-channels").isChecked()).toBe(true);

    // The same notifications, read in Arabic and French, right to left and left to right.
    for (const [lang, text] of [
      ["ar", "أُخفيت مساهمتك"],
      ["fr", "Votre contribution a été masquée"],
    ] as const) {
      await visit(page, `/${lang}/notifications`, { phone: true });
      expect(await page.locator("main").textContent()).toContain(text);
    }
    await context.close();
  });
});
