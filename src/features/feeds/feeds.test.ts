import { randomBytes } from "node:crypto";
import { parseFeed } from "@rowanmanning/feed-parser";
import { eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { structures } from "../../core/structures/tables.js";
import { results } from "../accountability/tables.js";
import { consultations } from "../consultations/tables.js";
import { events } from "../events/tables.js";
import { ideas } from "../ideas/tables.js";

const PUBLIC_URL = "https://sharek.example.tn";
const { app, database } = await createTestApp({ env: { PUBLIC_URL } });
const db = database.db;

const [home] = await db.select().from(structures).where(eq(structures.code, HOME_STRUCTURE));
const [other] = await db.select().from(structures).where(eq(structures.code, "mun-tn-34"));
const author = await createAccount(database);
const DAY = 86_400_000;
const now = Date.now();

const HOSTILE = `Tom & Jerry <b>"quoted"</b> 'single' ]]> </feed>`;
const ARABIC = "استشارة حول مشروع مجلة الجماعات المحلية";
const consultation = (
  title: Record<string, string>,
  visibility: "draft" | "published",
  structureId: string,
  opensAt: Date,
  closesAt: Date,
) => ({
  structureId,
  title,
  summary: { fr: `Résumé de ${title.fr ?? title.ar}` },
  body: {},
  theme: "local_governance",
  area: "national" as const,
  visibility,
  opensAt,
  closesAt,
});
const [openHere, openArabic, draft, announced, closed, openElsewhere] = await db
  .insert(consultations)
  .values([
    consultation(
      { fr: HOSTILE, en: "Open here" },
      "published",
      home!.id,
      new Date(now - DAY),
      new Date(now + 10 * DAY),
    ),
    consultation(
      { ar: ARABIC },
      "published",
      home!.id,
      new Date(now - 2 * DAY),
      new Date("2027-03-15T17:00:00Z"),
    ),
    consultation({ fr: "Brouillon secret" }, "draft", home!.id, new Date(now - DAY), new Date(now + 5 * DAY)),
    consultation({ fr: "Bientôt" }, "published", home!.id, new Date(now + 3 * DAY), new Date(now + 20 * DAY)),
    consultation(
      { fr: "Finie" },
      "published",
      home!.id,
      new Date(now - 40 * DAY),
      new Date(now - 60 * DAY + 30 * DAY),
    ),
    consultation({ fr: "Ailleurs" }, "published", other!.id, new Date(now - DAY), new Date(now + 8 * DAY)),
  ])
  .returning();

const idea = (title: string, moderationState: "visible" | "hidden" | "held", structureId: string) => ({
  submissionKey: randomBytes(18).toString("base64url"),
  authorId: author.id,
  structureId,
  title,
  description: "A covered place for local farmers to sell on Saturdays, near the station.",
  moderationState,
});
const [visibleIdea, hiddenIdea, heldIdea, elsewhereIdea] = await db
  .insert(ideas)
  .values([
    idea("سوق مغطاة & <مظلة>", "visible", home!.id),
    idea("Hidden idea", "hidden", home!.id),
    idea("Held idea", "held", home!.id),
    idea("Idea elsewhere", "visible", other!.id),
  ])
  .returning();

const event = (title: string, cancelled: boolean) => ({
  structureId: home!.id,
  kind: "information_day" as const,
  mode: "in_person" as const,
  title: { fr: title },
  description: { fr: "Présentation du portail" },
  governorateCode: "TN-11",
  venue: { fr: "Salle des fêtes" },
  startsAt: new Date(now + 10 * DAY),
  endsAt: new Date(now + 10 * DAY + 3 * 3_600_000),
  capacity: 40,
  cancelledAt: cancelled ? new Date() : null,
});
const [liveEvent, cancelledEvent] = await db
  .insert(events)
  .values([event("Journée d’information", false), event("Journée annulée", true)])
  .returning();

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["entry", "link"].includes(name),
});

interface Text {
  "#text": string;
  "@_xml:lang"?: string;
}
interface Entry {
  id: string;
  title: Text;
  updated: string;
  published?: string;
  summary?: Text;
  link: Array<{ "@_rel": string; "@_href": string }>;
}

/** Fetches a feed, checks it is well-formed Atom 1.0 with what RFC 4287 requires, and returns its parts. */
async function atom(url: string) {
  const response = await app.inject({ method: "GET", url });
  expect(response.statusCode, url).toBe(200);
  expect(response.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(response.headers["cache-control"]).toBe("public, max-age=300");
  expect(XMLValidator.validate(response.body)).toBe(true);
  const { feed } = parser.parse(response.body);
  expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(feed.id).toMatch(/^https:\/\//);
  expect(feed.title["#text"]).not.toBe("");
  expect(new Date(feed.updated).toISOString()).toBe(feed.updated);
  expect(feed.author.name).not.toBe("");
  const self = feed.link.find((l: { "@_rel": string }) => l["@_rel"] === "self");
  expect(self["@_href"]).toBe(`${PUBLIC_URL}${url}`);
  expect(self["@_type"]).toBe("application/atom+xml");
  const entries: Entry[] = feed.entry ?? [];
  for (const e of entries) {
    expect(e.id).toMatch(/^https:\/\/sharek\.example\.tn\//);
    expect(e.title["#text"]).not.toBe("");
    expect(new Date(e.updated).toISOString()).toBe(e.updated);
    expect(e.link.find((l) => l["@_rel"] === "alternate")!["@_href"]).toBe(e.id);
  }
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  // And as a feed reader reads it (a feed library): Atom 1.0, the same title, self link and entries.
  const read = parseFeed(response.body);
  expect(read.meta).toEqual({ type: "atom", version: "1.0" });
  expect(read.title).toBe(feed.title["#text"]);
  expect(read.self).toBe(`${PUBLIC_URL}${url}`);
  expect(read.language).toBe(feed["@_xml:lang"]);
  expect(
    read.items.map((item) => ({ id: item.id, url: item.url, title: item.title, updated: item.updated })),
  ).toEqual(
    entries.map((e) => ({ id: e.id, url: e.id, title: e.title["#text"], updated: new Date(e.updated) })),
  );
  return { feed, entries, body: response.body };
}

const ids = (entries: Entry[]) => entries.map((e) => e.id.split("/").pop());

describe("Atom feeds", () => {
  it("the open consultations: published and open now, never a draft, an announced or a closed one", async () => {
    const { feed, entries } = await atom("/fr/feeds/consultations.atom");
    expect(feed["@_xml:lang"]).toBe("fr");
    expect(feed.title["#text"]).toBe("Consultations publiques ouvertes");
    expect(feed.link.find((l: { "@_rel": string }) => l["@_rel"] === "alternate")["@_href"]).toBe(
      `${PUBLIC_URL}/fr/consultations?status=open`,
    );
    expect(ids(entries)).toEqual(expect.arrayContaining([openHere!.id, openArabic!.id, openElsewhere!.id]));
    for (const hidden of [draft!, announced!, closed!]) expect(ids(entries)).not.toContain(hidden.id);
    // The newest opened first.
    expect(ids(entries).indexOf(openHere!.id)).toBeLessThan(ids(entries).indexOf(openArabic!.id));
    const entry = entries.find((e) => e.id === `${PUBLIC_URL}/fr/consultations/${openHere!.id}`)!;
    expect(entry.published).toBe(openHere!.opensAt.toISOString());
    expect(entry.summary!["#text"]).toBe(`Résumé de ${HOSTILE}`);
  });

  it("keeps XML special characters and Arabic intact, in the feed's language with a marked fallback", async () => {
    const fr = await atom("/fr/feeds/consultations.atom");
    expect(fr.body).not.toContain("<b>");
    const frTitles = Object.fromEntries(fr.entries.map((e) => [ids([e])[0], e.title]));
    expect(frTitles[openHere!.id]!["#text"]).toBe(HOSTILE);
    expect(frTitles[openHere!.id]!["@_xml:lang"]).toBeUndefined();
    // Only in Arabic: shown in Arabic, and said to be.
    expect(frTitles[openArabic!.id]).toEqual({ "#text": ARABIC, "@_type": "text", "@_xml:lang": "ar" });
    const en = await atom("/en/feeds/consultations.atom");
    expect(en.entries.find((e) => e.id.endsWith(openHere!.id))!.title["#text"]).toBe("Open here");
    const ar = await atom("/ar/feeds/consultations.atom");
    expect(ar.feed.title["#text"]).toBe("الاستشارات العمومية المفتوحة");
    expect(ar.entries.find((e) => e.id.endsWith(openArabic!.id))!.title["#text"]).toBe(ARABIC);
  });

  it("the new ideas: only those moderation lets anyone see", async () => {
    const { entries } = await atom("/ar/feeds/ideas.atom");
    expect(ids(entries)).toEqual(expect.arrayContaining([visibleIdea!.id, elsewhereIdea!.id]));
    expect(ids(entries)).not.toContain(hiddenIdea!.id);
    expect(ids(entries)).not.toContain(heldIdea!.id);
    const mine = entries.find((e) => e.id.endsWith(visibleIdea!.id))!;
    expect(mine.title["#text"]).toBe("سوق مغطاة & <مظلة>");
    expect(mine.title["@_xml:lang"]).toBeUndefined();
  });

  it("the events: a cancelled one leaves the feed", async () => {
    const { entries } = await atom("/en/feeds/events.atom");
    expect(ids(entries)).toContain(liveEvent!.id);
    expect(ids(entries)).not.toContain(cancelledEvent!.id);
  });

  it("the results: the latest moved first, and a structure's own with ?structure=", async () => {
    const [older, newer, elsewhere] = await db
      .insert(results)
      .values([
        { code: "feed-1", structureId: home!.id, title: { en: "Older result" }, description: { en: "…" } },
        { code: "feed-2", structureId: home!.id, title: { en: "Newer result" }, description: { en: "…" } },
        { code: "feed-3", structureId: other!.id, title: { en: "A result elsewhere" }, description: {} },
      ])
      .returning();
    await db
      .update(results)
      .set({ progress: 40, updatedAt: new Date(Date.now() + 60_000) })
      .where(eq(results.id, older!.id));
    const { entries } = await atom("/en/feeds/results.atom");
    expect(ids(entries)[0]).toBe(older!.id);
    expect(ids(entries)).toEqual(expect.arrayContaining([newer!.id, elsewhere!.id]));
    expect(entries[0]!.link[0]!["@_href"]).toBe(`${PUBLIC_URL}/en/accountability/${older!.id}`);
    const mine = await atom(`/en/feeds/results.atom?structure=${HOME_STRUCTURE}`);
    expect(ids(mine.entries)).toEqual([older!.id, newer!.id]);
  });

  it("?structure= keeps one structure's entries and names it in the title", async () => {
    const { feed, entries } = await atom(`/fr/feeds/consultations.atom?structure=${HOME_STRUCTURE}`);
    expect(ids(entries)).toContain(openHere!.id);
    expect(ids(entries)).not.toContain(openElsewhere!.id);
    expect(feed.title["#text"]).toBe(`Consultations publiques ouvertes · ${home!.name.fr}`);
    expect(feed.link.find((l: { "@_rel": string }) => l["@_rel"] === "alternate")["@_href"]).toBe(
      `${PUBLIC_URL}/fr/structures/${HOME_STRUCTURE}`,
    );
    const elsewhere = await atom("/fr/feeds/ideas.atom?structure=mun-tn-34");
    expect(ids(elsewhere.entries)).toEqual([elsewhereIdea!.id]);
  });

  it("answers 404 for an unknown kind or structure, never an error", async () => {
    for (const url of [
      "/fr/feeds/secrets.atom",
      "/fr/feeds/ideas",
      "/fr/feeds/ideas.rss",
      "/fr/feeds/..%2Fideas.atom",
      "/fr/feeds/ideas.atom?structure=nowhere",
      "/fr/feeds/consultation-deadlines.ics?structure=nowhere",
    ])
      expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(404);
  });

  it("the list pages announce their feed in the head and offer it as a link; a structure page its own", async () => {
    for (const [page, feed, title] of [
      ["/fr/consultations", "/fr/feeds/consultations.atom", "Consultations publiques ouvertes"],
      ["/fr/ideas", "/fr/feeds/ideas.atom", "Nouvelles idées"],
      ["/fr/events", "/fr/feeds/events.atom", "Nouveaux événements et formations"],
    ] as const) {
      const html = (await app.inject(page)).body;
      expect(html, page).toContain(
        `<link rel="alternate" type="application/atom+xml" title="${title}" href="${PUBLIC_URL}${feed}"/>`,
      );
      expect(html, page).toContain(`href="${feed}"`);
    }
    expect((await app.inject("/fr/consultations")).body).toContain(
      'href="/fr/feeds/consultation-deadlines.ics"',
    );
    const structurePage = (await app.inject(`/fr/structures/${HOME_STRUCTURE}`)).body;
    for (const [kind, title] of [
      ["consultations", "Consultations publiques ouvertes"],
      ["ideas", "Nouvelles idées"],
      ["events", "Nouveaux événements et formations"],
    ]) {
      const path = `/fr/feeds/${kind}.atom?structure=${HOME_STRUCTURE}`;
      expect(structurePage).toContain(
        `<link rel="alternate" type="application/atom+xml" title="${title} · ${home!.name.fr}" href="${PUBLIC_URL}${path}"/>`,
      );
      expect(structurePage).toContain(`href="${path}"`);
    }
  });
});

describe("the calendar of consultation deadlines", () => {
  it("holds each published consultation's closing time, with its address, and no draft", async () => {
    const response = await app.inject("/en/feeds/consultation-deadlines.ics");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const byUrl = new Map(
      calendar
        .getAllSubcomponents("vevent")
        .map((v) => [String(v.getFirstPropertyValue("url")), new ICAL.Event(v)]),
    );
    const arabic = byUrl.get(`${PUBLIC_URL}/en/consultations/${openArabic!.id}`)!;
    expect(arabic.startDate.toJSDate().toISOString()).toBe("2027-03-15T17:00:00.000Z");
    expect(arabic.summary).toBe(`Consultation closes: ${ARABIC}`);
    expect(byUrl.get(`${PUBLIC_URL}/en/consultations/${openHere!.id}`)!.summary).toBe(
      "Consultation closes: Open here",
    );
    expect(byUrl.has(`${PUBLIC_URL}/en/consultations/${announced!.id}`)).toBe(true);
    expect(byUrl.has(`${PUBLIC_URL}/en/consultations/${draft!.id}`)).toBe(false);
    expect(new Set([...byUrl.values()].map((e) => e.uid)).size).toBe(byUrl.size);
    const mine = await app.inject(`/en/feeds/consultation-deadlines.ics?structure=${HOME_STRUCTURE}`);
    expect(mine.body).not.toContain(openElsewhere!.id);
    expect(mine.body).toContain(openHere!.id);
  });
});
