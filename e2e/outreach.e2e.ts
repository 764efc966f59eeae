import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { events } from "../src/features/events/tables.js";
import { findStructureByCode } from "../src/features/structures/queries.js";
import { widgetOrigins } from "../src/features/widgets/tables.js";
import { newContext } from "./browser.js";
import { signedInContext } from "./sign-in.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, visit } from "./visit.js";

const { server, browser } = await startSuite();
const db = server.database.db;

/** Clicks a form's button and waits for the page it leads to. */
async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

describe.each([
  { javaScript: true, mode: "on" },
  { javaScript: false, mode: "off" },
])("an event in Arabic, JavaScript $mode", ({ javaScript }) => {
  it("fills up, takes a waiting list, promotes when someone cancels, and its .ics parses with ical.js", async () => {
    const structure = (await findStructureByCode(db, "gov-tn-61"))!;
    const startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5 * 86_400_000);
    const [event] = await db
      .insert(events)
      .values({
        structureId: structure.id,
        kind: "training",
        mode: "in_person",
        governorateCode: "TN-61",
        title: { ar: "دورة تكوينية في صفاقس", fr: "Formation à Sfax" },
        description: { ar: "دورة حول الرد على المطالب." },
        venue: { ar: "مقر الولاية" },
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        capacity: 2,
      })
      .returning();
    const path = `/ar/events/${event!.id}`;
    const people = [];
    for (let i = 0; i < 3; i++) {
      const { context } = await signedInContext(browser, server, {}, { javaScriptEnabled: javaScript });
      people.push(await context.newPage());
    }
    const [first, second, third] = people as [Page, Page, Page];

    // The agenda, filtered by governorate, lists it.
    await visit(first, "/ar/events?governorate=TN-61");
    expect(await first.textContent("main")).toContain("دورة تكوينية في صفاقس");

    // Two places: the first two get them.
    for (const page of [first, second]) {
      await visit(page, path);
      await submit(page, `form[action="${path}/register"] button`);
      expect(await page.textContent("#registration-status")).toContain("لك مقعد");
    }
    // Full: the third joins the waiting list.
    await visit(third, path);
    expect(await third.textContent(`form[action="${path}/register"] button`)).toContain("قائمة الانتظار");
    await submit(third, `form[action="${path}/register"] button`);
    expect(await third.textContent("#registration-status")).toContain("ترتيبك 1");

    // The second cancels: the third is promoted.
    await submit(second, `form[action="${path}/cancel"] button`);
    await visit(third, path);
    expect(await third.textContent("#registration-status")).toContain("لك مقعد");

    // The .ics behind the page's link parses with ical.js.
    const href = await third.getAttribute('a[href$="/calendar.ics"]', "href");
    const ics = await third.request.get(href!);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent("vevent")!;
    const parsed = new ICAL.Event(vevent);
    expect(parsed.summary).toBe("دورة تكوينية في صفاقس");
    expect(parsed.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    const [stored] = await db.select().from(events).where(eq(events.id, event!.id));
    expect(parsed.uid).toBe(`${stored!.id}@sharek`);

    // The poster has its QR code inline.
    await visit(third, `${path}/poster`);
    expect(await third.locator(".sh-poster__code svg").count()).toBe(1);
    for (const page of people) await page.context().close();
  });
});

/** A structure's own website: another origin (its own port) whose page frames a Sharek widget. */
async function hostSite(widgetUrl: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const site: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><html lang="fr"><head><title>Commune</title></head><body><h1>Commune</h1><iframe src="${widgetUrl}" title="Sharek" width="600" height="500"></iframe></body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const { port } = site.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => site.close(() => resolve())),
  };
}

describe("an embedded widget", () => {
  it("renders inside a page of an allowed origin, and is refused by any other", async () => {
    const widgetUrl = `${server.origin}/ar/widgets/mun-tn-11/request`;
    const allowed = await hostSite(widgetUrl);
    const other = await hostSite(widgetUrl);
    const structure = (await findStructureByCode(db, "mun-tn-11"))!;
    await db.insert(widgetOrigins).values({ structureId: structure.id, origin: allowed.origin });
    const context = await newContext(browser, { baseURL: allowed.origin });
    const page = await context.newPage();

    await page.goto(allowed.origin, { waitUntil: "load" });
    const frame = page.frameLocator("iframe");
    await expect.poll(() => frame.locator("h1").textContent({ timeout: 10_000 })).toBe("أرسل إلينا مطلبًا");
    expect(await frame.locator('input[name="type"]').count()).toBe(5);
    expect(await page.frames()[1]!.evaluate(() => document.scripts.length)).toBe(0);

    await page.goto(other.origin, { waitUntil: "load" });
    await page.waitForTimeout(500);
    const refused = page.frames()[1]!;
    expect(refused.url()).not.toBe(widgetUrl);
    expect(await frame.locator("text=أرسل إلينا مطلبًا").count()).toBe(0);

    await context.close();
    await allowed.close();
    await other.close();
  });
});
