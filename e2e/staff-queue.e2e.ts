import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signedInContext } from "./sign-in.js";
import { startSuite } from "./suite.js";
import { documentWidth, expectNoAxeViolations, SCREENSHOTS, visit } from "./visit.js";

const { server, browser } = await startSuite();
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const CASES = 12;

const { context, account } = await signedInContext(browser, server, {
  displayName: "Sonia Queue",
  roles: [{ structure: "mun-tn-11", role: "agent" }],
});

/** Files `CASES` requests through the staff intake form's HTTP route, as the agent at the counter would. */
async function fileThroughIntake(agent: BrowserContext) {
  for (let i = 1; i <= CASES; i++) {
    const form = await (await agent.request.get("/fr/staff/requests/new")).text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(form)![1]!;
    const sent = await agent.request.post("/fr/staff/requests/new", {
      form: {
        _csrf: field("_csrf"),
        submissionKey: field("submissionKey"),
        structure: "mun-tn-11",
        channel: i % 3 === 0 ? "phone" : "counter",
        type: i % 2 === 0 ? "complaint" : "notice",
        subject: `Éclairage public en panne, rue numéro ${i}`,
        description: `La personne signale au guichet que l'éclairage de la rue numéro ${i} est éteint.`,
        governorate: "TN-11",
        contactName: `Personne ${i}`,
        contactPhone: `+2162012${String(i).padStart(4, "0")}`,
      },
      maxRedirects: 0,
    });
    expect(sent.status(), `request ${i}`).toBe(303);
  }
}

await fileThroughIntake(context);
await context.close();

/** A fresh browser profile of the same agent, at a screen size. */
async function agentAt(viewport: { width: number; height: number }): Promise<Page> {
  const { context: signedIn } = await signedInContext(browser, server, {
    roles: [{ structure: "mun-tn-11", role: "agent" }],
  });
  const page = await signedIn.newPage();
  await page.setViewportSize(viewport);
  return page;
}

describe("the staff queue on a 1280 × 900 screen", () => {
  it("shows at least ten whole requests without scrolling, and passes axe", async () => {
    expect(account.id).toBeTruthy();
    const page = await agentAt(DESKTOP);
    await visit(page, "/ar/staff/requests");
    await page.screenshot({ path: `${SCREENSHOTS}staff-queue-ar-1280.png` });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const bottoms = await page.$$eval("#queue tbody tr", (rows) =>
      rows.map((row) => row.getBoundingClientRect().bottom),
    );
    expect(bottoms.length).toBeGreaterThanOrEqual(10);
    const visible = bottoms.filter((bottom) => bottom <= DESKTOP.height);
    expect(visible.length, `row bottoms: ${bottoms.slice(0, 12).join(", ")}`).toBeGreaterThanOrEqual(10);
    // The table has the page's width: no side menu beside it.
    const table = await page.locator("#queue").boundingBox();
    expect(table!.width, "table width in px").toBeGreaterThanOrEqual(DESKTOP.width * 0.85);
    expect(await documentWidth(page)).toBeLessThanOrEqual(DESKTOP.width);

    // The French queue too, and a request opened from it: the reply first, the actions beside it.
    await visit(page, "/fr/staff/requests");
    await page.screenshot({ path: `${SCREENSHOTS}staff-queue-fr-1280.png` });
    await Promise.all([page.waitForNavigation(), page.locator("#queue tbody tr a").first().click()]);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}staff-case-fr-1280.png` });
    // The reply box starts within the first screen, right after the request's text.
    const reply = await page.locator("#reply-body").boundingBox();
    expect(reply!.y, "reply box top").toBeLessThan(DESKTOP.height - 100);
    const aside = await page.locator("aside.sh-case__side").boundingBox();
    expect(aside!.y, "actions beside the reply").toBeLessThan(DESKTOP.height);
    expect(await page.locator("#next-case a").getAttribute("href")).toMatch(/\?from=structure%3D/);
    await page.context().close();
  });
});

describe("the staff queue on a 390 × 844 phone", () => {
  it("does not scroll sideways: only the table scrolls, inside its own box", async () => {
    const page = await agentAt(PHONE);
    await visit(page, "/ar/staff/requests");
    await page.screenshot({ path: `${SCREENSHOTS}staff-queue-ar-phone.png`, fullPage: true });
    expect(await documentWidth(page), "page width in px").toBeLessThanOrEqual(PHONE.width);
    await Promise.all([page.waitForNavigation(), page.locator("#queue tbody tr a").first().click()]);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}staff-case-ar-phone.png` });
    expect(await documentWidth(page), "case page width in px").toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });
});
