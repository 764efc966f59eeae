import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { executableMarkup } from "../../../test/html-safety.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { structures } from "../../core/structures/tables.js";
import { results } from "../accountability/tables.js";
import { consultations } from "../consultations/tables.js";
import { events } from "../events/tables.js";
import { ideas } from "../ideas/tables.js";

const PUBLIC_URL = "https://sharek.example.tn";
const testApp = await createTestApp({ env: { PUBLIC_URL } });
const { app, database } = testApp;
const db = database.db;

const [home] = await db.select().from(structures).where(eq(structures.code, HOME_STRUCTURE));
const author = await createAccount(database);
const consultation = (visibility: "draft" | "published") => ({
  structureId: home!.id,
  title: { fr: `Consultation ${visibility}` },
  summary: { fr: "Résumé" },
  body: {},
  theme: "local_governance",
  area: "national" as const,
  visibility,
  opensAt: new Date("2026-11-01T00:00:00Z"),
  closesAt: new Date("2026-12-31T00:00:00Z"),
});
const [published, draft] = await db
  .insert(consultations)
  .values([consultation("published"), consultation("draft")])
  .returning();
const idea = (title: string, moderationState: "visible" | "hidden") => ({
  submissionKey: randomBytes(18).toString("base64url"),
  authorId: author.id,
  structureId: home!.id,
  title,
  description: "A covered place for local farmers to sell on Saturdays, near the station.",
  moderationState,
});
const [visibleIdea, hiddenIdea] = await db
  .insert(ideas)
  .values([idea("Covered market", "visible"), idea("Hidden idea", "hidden")])
  .returning();
const [retired] = await db
  .update(structures)
  .set({ retiredAt: new Date() })
  .where(eq(structures.code, "mun-tn-34"))
  .returning();

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["url", "sitemap", "xhtml:link"].includes(name),
});

async function xml(url: string) {
  const response = await app.inject({ method: "GET", url });
  expect(response.statusCode, url).toBe(200);
  expect(response.headers["content-type"]).toBe("application/xml; charset=utf-8");
  expect(XMLValidator.validate(response.body)).toBe(true);
  return parser.parse(response.body);
}

interface UrlEntry {
  loc: string;
  lastmod?: string;
  "xhtml:link": Array<{ "@_hreflang": string; "@_href": string }>;
}

async function urlsOf(kind: string): Promise<UrlEntry[]> {
  return (await xml(`/sitemaps/${kind}.xml`)).urlset.url ?? [];
}

describe("what search engines read", () => {
  it("robots.txt keeps staff, personal and secret-carrying paths out, and points at the sitemap", async () => {
    const response = await app.inject({ method: "GET", url: "/robots.txt" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const lines = response.body.split("\n");
    for (const path of [
      "/admin",
      "/staff",
      "/account",
      "/requests/follow/",
      "/integrity/officer",
      "/reset-password/",
    ])
      expect(lines).toContain(`Disallow: /*${path}`);
    expect(lines).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
    // A public page stays crawlable: nothing disallows the request form or the consultations.
    expect(lines.filter((l) => /requests\/new|consultations/.test(l))).toEqual([]);
  });

  it("the sitemap index names one file per kind of public page, each of which answers", async () => {
    const files = (await xml("/sitemap.xml")).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    for (const kind of [
      "home",
      "structures",
      "consultations",
      "ideas",
      "forum",
      "events",
      "help",
      "legal",
      "accountability",
    ])
      expect(files).toContain(`${PUBLIC_URL}/sitemaps/${kind}.xml`);
    for (const file of files) await xml(file.slice(PUBLIC_URL.length));
  });

  it("lists each page in the three languages, each naming the others and Arabic as the default", async () => {
    const urls = await urlsOf("consultations");
    const page = urls.filter((u) => u.loc.endsWith(`/consultations/${published!.id}`));
    expect(page.map((u) => u.loc)).toEqual(
      ["ar", "fr", "en"].map((lang) => `${PUBLIC_URL}/${lang}/consultations/${published!.id}`),
    );
    expect(page[0]!.lastmod).toBe(published!.updatedAt.toISOString());
    expect(page[0]!["xhtml:link"].map((l) => [l["@_hreflang"], l["@_href"]])).toEqual([
      ["ar", `${PUBLIC_URL}/ar/consultations/${published!.id}`],
      ["fr", `${PUBLIC_URL}/fr/consultations/${published!.id}`],
      ["en", `${PUBLIC_URL}/en/consultations/${published!.id}`],
      ["x-default", `${PUBLIC_URL}/ar/consultations/${published!.id}`],
    ]);
    const home = (await urlsOf("home")).map((u) => u.loc);
    expect(home).toEqual([`${PUBLIC_URL}/ar`, `${PUBLIC_URL}/fr`, `${PUBLIC_URL}/en`]);
  });

  it("lists the results page and each result's, the latest moved first", async () => {
    const [result] = await db
      .insert(results)
      .values({ code: "seo-1", structureId: home!.id, title: { fr: "Éclairage" }, description: {} })
      .returning();
    const locs = (await urlsOf("accountability")).map((u) => u.loc);
    expect(locs.slice(0, 3)).toEqual(["ar", "fr", "en"].map((l) => `${PUBLIC_URL}/${l}/accountability`));
    expect(locs).toContain(`${PUBLIC_URL}/fr/accountability/${result!.id}`);
  });

  it("never lists a draft, a hidden contribution or a retired structure", async () => {
    const consultationUrls = (await urlsOf("consultations")).map((u) => u.loc).join("\n");
    expect(consultationUrls).toContain(`/consultations/${published!.id}`);
    expect(consultationUrls).not.toContain(draft!.id);
    const ideaUrls = (await urlsOf("ideas")).map((u) => u.loc).join("\n");
    expect(ideaUrls).toContain(`/ideas/${visibleIdea!.id}`);
    expect(ideaUrls).not.toContain(hiddenIdea!.id);
    const structureUrls = (await urlsOf("structures")).map((u) => u.loc);
    expect(structureUrls).toContain(`${PUBLIC_URL}/ar/structures/${HOME_STRUCTURE}`);
    expect(structureUrls).not.toContain(`${PUBLIC_URL}/ar/structures/${retired!.code}`);
  });

  it("answers 404 for a kind nobody declared", async () => {
    for (const url of ["/sitemaps/secrets.xml", "/sitemaps/ideas", "/sitemaps/..%2Fideas.xml"])
      expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(404);
  });

  it("every page names its absolute canonical address and its versions in each language", async () => {
    const page = (await app.inject({ method: "GET", url: "/fr/consultations?status=open" })).body;
    const url = `${PUBLIC_URL}/fr/consultations?status=open`;
    expect(page).toContain(`<link rel="canonical" href="${url}"/>`);
    for (const [lang, at] of [
      ["ar", "ar"],
      ["fr", "fr"],
      ["en", "en"],
      ["x-default", "ar"],
    ])
      expect(page).toContain(
        `<link rel="alternate" hreflang="${lang}" href="${PUBLIC_URL}/${at}/consultations?status=open"/>`,
      );
  });

  it("structure and event pages describe themselves as schema.org JSON-LD that user text cannot break out of", async () => {
    const hostile = "Journée </script><script>alert(1)</script>";
    const [event] = await db
      .insert(events)
      .values({
        structureId: home!.id,
        kind: "information_day",
        mode: "in_person",
        title: { fr: hostile },
        description: { fr: "Présentation du portail" },
        governorateCode: "TN-11",
        venue: { fr: "Salle des fêtes" },
        startsAt: new Date("2027-01-10T09:00:00Z"),
        endsAt: new Date("2027-01-10T12:00:00Z"),
        capacity: 40,
      })
      .returning();
    const jsonLd = (html: string) => {
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
      expect(blocks).toHaveLength(1);
      return JSON.parse(blocks[0]![1]!);
    };
    const eventPage = (await app.inject(`/fr/events/${event!.id}`)).body;
    expect(executableMarkup(eventPage)).toEqual([]);
    expect(jsonLd(eventPage)).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: hostile,
      startDate: "2027-01-10T09:00:00.000Z",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: {
        "@type": "Place",
        name: "Salle des fêtes",
        address: { addressRegion: "Tunis", addressCountry: "TN" },
      },
      organizer: { "@type": "GovernmentOrganization", url: `${PUBLIC_URL}/fr/structures/${HOME_STRUCTURE}` },
    });
    const structurePage = (await app.inject(`/ar/structures/${HOME_STRUCTURE}`)).body;
    expect(executableMarkup(structurePage)).toEqual([]);
    const organisation = jsonLd(structurePage);
    expect(organisation).toMatchObject({
      "@type": "GovernmentOrganization",
      name: home!.name.ar,
      url: `${PUBLIC_URL}/ar/structures/${HOME_STRUCTURE}`,
      address: { addressCountry: "TN" },
    });
    expect(organisation.alternateName).toContain(home!.name.fr);
  });
});
