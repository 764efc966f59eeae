import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { newContext } from "./browser.js";
import { signedInContext } from "./sign-in.js";
import { startSuite } from "./suite.js";
import { expectFitsPhone, expectNoAxeViolations, PHONE, visit } from "./visit.js";

const { server, browser } = await startSuite();

/** Clicks a form's button and waits for the page it leads to, which must pass axe. */
async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

describe.each([
  { javaScript: true, mode: "on" },
  { javaScript: false, mode: "off" },
])("news in Arabic on a 390 px phone, JavaScript $mode", ({ javaScript, mode }) => {
  it("an agent writes an item with a photo, is asked for its description, publishes and features it; anyone reads it", async () => {
    const { context } = await signedInContext(
      browser,
      server,
      { roles: [{ structure: "gov-tn-61", role: "agent" }] },
      { javaScriptEnabled: javaScript, viewport: PHONE },
    );
    const staff = await context.newPage();
    await visit(staff, "/ar/admin/news/new", { phone: true });
    const title = `يوم إعلامي حول الاستشارات بصفاقس (${mode})`;
    await staff.selectOption("#structureId", { index: 1 });
    await staff.selectOption("#category", "information_day");
    await staff.fill("#titleAr", title);
    await staff.fill("#titleFr", `Journée d’information à Sfax (${mode})`);
    await staff.fill("#summaryAr", "دعوة مفتوحة لكل المواطنين والجمعيات.");
    await staff.fill("#bodyAr", "يتضمن البرنامج عروضًا وورشات تطبيقية.");
    const photo = await sharp({ create: { width: 800, height: 450, channels: 3, background: "#225588" } })
      .jpeg()
      .toBuffer();
    await staff.setInputFiles("#image", { name: "day.jpg", mimeType: "image/jpeg", buffer: photo });

    // No description of the image: the form comes back with the error, what was typed kept.
    await submit(staff, "form[enctype] button[type=submit]");
    expect(await staff.textContent(".sh-error-summary")).toContain("صف الصورة بالعربية");
    expect(await staff.inputValue("#titleAr")).toBe(title);
    await expectFitsPhone(staff);
    await staff.setInputFiles("#image", { name: "day.jpg", mimeType: "image/jpeg", buffer: photo });
    await staff.fill("#imageAltAr", "قاعة الاجتماعات بمقر الولاية");
    await submit(staff, "form[enctype] button[type=submit]");
    expect(await staff.textContent("#flash")).toContain("حُفظ الخبر كمسودة");
    await submit(staff, `form[action$="/publish"] button`);
    expect(await staff.textContent("#flash")).toContain("نُشر الخبر");
    await submit(staff, `form[action$="/pin"] button`);
    expect(await staff.textContent("#flash")).toContain("وُضع الخبر في واجهة الصفحة الرئيسية");

    // Anyone: the home page features it, the list filters by category, the article shows the photo.
    const visitor = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: javaScript, viewport: PHONE })
    ).newPage();
    await visit(visitor, "/ar", { phone: true });
    expect(await visitor.textContent("#home-news + ul")).toContain(title);
    await visit(visitor, "/ar/news", { phone: true });
    await visitor.selectOption("#category", "information_day");
    await submit(visitor, "main search button");
    expect(visitor.url()).toContain("category=information_day");
    expect(await visitor.textContent("main")).toContain(title);
    await Promise.all([visitor.waitForNavigation(), visitor.click(`text=${title}`)]);
    await expectNoAxeViolations(visitor);
    await expectFitsPhone(visitor);
    expect(await visitor.textContent("h1")).toBe(title);
    const image = visitor.locator("img.sh-news__image");
    expect(await image.getAttribute("alt")).toBe("قاعة الاجتماعات بمقر الولاية");
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(800);
    const ld = JSON.parse((await visitor.textContent('script[type="application/ld+json"]')) ?? "{}");
    expect(ld["@type"]).toBe("NewsArticle");
    // The same article in French: its own title, the page in French.
    await visit(visitor, visitor.url().replace("/ar/", "/fr/"), { phone: true });
    expect(await visitor.textContent("h1")).toBe(`Journée d’information à Sfax (${mode})`);
    await context.close();
  });
});
