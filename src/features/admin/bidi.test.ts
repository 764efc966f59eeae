import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { attr, tag } from "../../core/views/components/test-helpers.js";
import { insertEvent } from "../events/testing.js";
import { findStructureByCode } from "../structures/queries.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const home = (await findStructureByCode(db, HOME_STRUCTURE))!;

const EVENT_TITLE = "Journée portes ouvertes à Tunis.";
const NAME = "Leïla / Mansouri / ليلى المنصوري";
const REASON = "Salle indisponible, report en mars.";
const ARTICLE_TITLE = "Comment suivre une requête ?";

/** The opening tags right before this text (outermost first): its isolation must end them. */
function holders(html: string, text: string): string {
  const at = html.indexOf(`${text}<`);
  expect(at, `${text} in the page`).toBeGreaterThan(0);
  let start = at;
  while (html[start - 1] === ">") {
    const open = html.lastIndexOf("<", start - 1);
    if (html[open + 1] === "/") break;
    start = open;
  }
  return html.slice(start, at);
}

describe("user and data text on the admin pages of an Arabic back office", () => {
  it("keeps an event's French title, an attendee's mixed-script name and a French cancel reason in their own direction", async () => {
    const event = await insertEvent(db, home.id, {
      title: { fr: EVENT_TITLE },
      description: { fr: "Une visite des services." },
      capacity: 5,
    });
    const { agent: person } = await signedInAgent(app, database, { displayName: NAME });
    expect((await person.post(`/ar/events/${event.id}/register`)).statusCode).toBe(303);
    const { agent: admin } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
    });

    const list = await admin.get("/ar/admin/events");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<html lang="ar" dir="rtl"');
    // In the table, the title is isolated and marked as French.
    expect(holders(list.body, EVENT_TITLE)).toMatch(/<a [^>]+><bdi><span lang="fr" dir="ltr">$/);

    const page = await admin.get(`/ar/admin/events/${event.id}`);
    expect(page.statusCode).toBe(200);
    // The heading takes its own direction and aligns to its own start.
    const h1 = tag(page.body, "<h1");
    expect(attr(h1, "dir")).toBe("auto");
    expect(holders(page.body, EVENT_TITLE).endsWith(`${h1}<span lang="fr" dir="ltr">`)).toBe(true);
    // The attendee's name, in the attendance list, is a <bdi> of its own.
    expect(holders(page.body, NAME)).toMatch(/<bdi>$/);

    expect((await admin.post(`/ar/admin/events/${event.id}/cancel`, { reason: REASON })).statusCode).toBe(
      303,
    );
    const cancelled = await admin.get(`/ar/admin/events/${event.id}`);
    expect(cancelled.body).toContain(`<bdi>${REASON}</bdi>`);
  });

  it("isolates a help article's title typed in French in its Arabic field, in the Arabic list", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const created = await admin.post("/ar/admin/help/new", {
      slug: "bidi-check",
      kind: "faq",
      position: "60",
      titleAr: ARTICLE_TITLE,
      titleFr: ARTICLE_TITLE,
      titleEn: "How do I follow a request?",
      bodyAr: "جواب",
      bodyFr: "Réponse",
      bodyEn: "Answer",
    });
    expect(created.statusCode).toBe(303);
    const list = await admin.get("/ar/admin/help");
    expect(list.statusCode).toBe(200);
    // Written in the page's language field, it is still isolated: its "?" stays at its end.
    expect(holders(list.body, ARTICLE_TITLE)).toMatch(/<a [^>]+><bdi>$/);
  });
});
