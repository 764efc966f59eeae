import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { events } from "../src/features/events/tables.js";
import { findStructureByCode } from "../src/features/structures/queries.js";
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
      const { context } = await signedInContext(browser, server, {}, javaScript);
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
      expect(await page.textContent("#registration-status")).toContain("لك مكان");
    }
    // Full: the third joins the waiting list.
    await visit(third, path);
    expect(await third.textContent(`form[action="${path}/register"] button`)).toContain("قائمة الانتظار");
    await submit(third, `form[action="${path}/register"] button`);
    expect(await third.textContent("#registration-status")).toContain("ترتيبك 1");

    // The second cancels: the third is promoted.
    await submit(second, `form[action="${path}/cancel"] button`);
    await visit(third, path);
    expect(await third.textContent("#registration-status")).toContain("لك مكان");

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
