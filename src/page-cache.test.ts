import { Writable } from "node:stream";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { signedInAgent } from "../test/accounts.js";
import { Agent, createTestApp } from "../test/app.js";
import { HOME_STRUCTURE } from "../test/role-matrix.js";
import { buildApp } from "./app.js";
import { structures } from "./core/structures/tables.js";
import { results } from "./features/accountability/tables.js";
import { createTestConsultation } from "./features/consultations/testing.js";
import { legalPageVersions } from "./features/legal/tables.js";

/**
 * The page cache (src/core/views/page-cache.ts) on two nodes sharing one database, as behind a load balancer:
 * each keeps its own pages, and a change made through one shows on the next request to the other.
 */
const testApp = await createTestApp();
const { app: nodeA, database, config } = testApp;
const db = database.db;
const nodeB: FastifyInstance = await buildApp({
  config,
  database,
  logStream: new Writable({ write: (_chunk, _encoding, done) => done() }),
});
await nodeB.ready();
afterAll(() => nodeB.close());

/** Three anonymous visits: the route is learned, its page kept, then served from the cache. */
async function warm(node: FastifyInstance, url: string) {
  for (let i = 0; i < 3; i++) expect((await node.inject(url)).statusCode).toBe(200);
}

describe("the page cache", () => {
  it("keeps an anonymous public page, serves it compressed as asked, and renders it once per change", async () => {
    await warm(nodeB, "/fr/legal/terms");
    const kept = nodeB.pageCache.size;
    expect(kept).toBeGreaterThan(0);
    const plain = await nodeB.inject("/fr/legal/terms");
    expect(plain.headers["cache-control"]).toBe("public, max-age=60");
    const br = await nodeB.inject({ url: "/fr/legal/terms", headers: { "accept-encoding": "br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await nodeB.inject({ url: "/fr/legal/terms", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(String(gz.headers.vary)).toContain("Accept-Encoding");
    // Security headers are set on a kept page as on any other.
    expect(plain.headers["content-security-policy"]).toBeDefined();
    expect(nodeB.pageCache.size).toBe(kept);
  });

  it("never keeps a page of a signed-in person, nor one with a form's CSRF token", async () => {
    const before = nodeB.pageCache.size;
    const { agent } = await signedInAgent(nodeB, database, { displayName: "Nadia Personne" });
    for (let i = 0; i < 3; i++) {
      const page = await agent.get("/fr/legal/privacy");
      expect(page.body).toContain("Nadia Personne");
    }
    const anonymous = await nodeB.inject("/fr/legal/privacy");
    expect(anonymous.body).not.toContain("Nadia Personne");
    for (let i = 0; i < 3; i++) await nodeB.inject("/fr/sign-in");
    const signIn = await nodeB.inject("/fr/sign-in");
    const token = /name="_csrf" value="([^"]+)"/.exec(signIn.body)?.[1];
    expect(token).toBeDefined();
    // Each visitor gets their own token (from the cookie each gets), never another's.
    const other = await nodeB.inject("/fr/sign-in");
    expect(other.headers["set-cookie"]).toBeDefined();
    expect(nodeB.pageCache.size).toBeLessThanOrEqual(before + 1);
  });

  it("a new version of a legal page published on node A shows on node B's next request", async () => {
    await warm(nodeB, "/en/legal/terms");
    const { agent: admin } = await signedInAgent(nodeA, database, { platformAdmin: true });
    const saved = await admin.post("/fr/admin/legal/terms", {
      titleAr: "شروط الاستعمال المنقّحة",
      titleFr: "Conditions d’utilisation révisées",
      titleEn: "Revised terms of use",
      bodyAr: "نص.",
      bodyFr: "Texte.",
      bodyEn: "Text.",
    });
    expect(saved.statusCode).toBe(303);
    expect((await db.select().from(legalPageVersions)).length).toBeGreaterThan(3);
    expect((await nodeB.inject("/en/legal/terms")).body).toContain("Revised terms of use");
  });

  it("a new comment on node A shows on node B's next request of the consultation page", async () => {
    const { consultation: c, sections } = await createTestConsultation(db, { phase: "open" });
    const page = `/fr/consultations/${c.id}/sections/${sections[0]!.id}`;
    await warm(nodeB, page);
    const { agent: author } = await signedInAgent(nodeA, database);
    const posted = await author.post(`/fr/consultations/${c.id}/comments`, {
      body: "Il faut planter des arbres le long de l’avenue.",
      alignment: "for",
      sectionId: sections[0]!.id,
    });
    expect(posted.statusCode).toBe(303);
    expect((await new Agent(nodeB).get(page)).body).toContain(
      "Il faut planter des arbres le long de l’avenue.",
    );
  });

  it("a consultation published after the home page was kept shows on the next request", async () => {
    await warm(nodeB, "/fr");
    await createTestConsultation(db, { phase: "open", title: "Consultation sur les pistes cyclables" });
    expect((await nodeB.inject("/fr")).body).toContain("Consultation sur les pistes cyclables");
  });
});

describe("the page cache, for feeds and sitemaps", () => {
  it("keeps a feed, and a consultation published after it was kept is in node B's next feed", async () => {
    const feed = "/fr/feeds/consultations.atom";
    const before = nodeB.pageCache.size;
    await warm(nodeB, feed);
    expect(nodeB.pageCache.size).toBe(before + 1);
    const kept = await nodeB.inject({ url: feed, headers: { "accept-encoding": "gzip" } });
    expect(kept.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(kept.headers["cache-control"]).toBe("public, max-age=300");
    expect(gunzipSync(kept.rawPayload).toString()).toContain("<feed");
    expect(nodeB.pageCache.size).toBe(before + 1);
    await createTestConsultation(db, { phase: "open", title: "Consultation sur l’éclairage public" });
    expect((await nodeB.inject(feed)).body).toContain("Consultation sur l’éclairage public");
  });

  it("keeps a sitemap, and a consultation published after it was kept is in node B's next sitemap", async () => {
    const sitemap = "/sitemaps/consultations.xml";
    const before = nodeB.pageCache.size;
    await warm(nodeB, sitemap);
    expect(nodeB.pageCache.size).toBe(before + 1);
    const first = await nodeB.inject(sitemap);
    expect(first.headers["content-type"]).toBe("application/xml; charset=utf-8");
    const { consultation } = await createTestConsultation(db, { phase: "open" });
    expect(first.body).not.toContain(consultation.id);
    expect((await nodeB.inject(sitemap)).body).toContain(consultation.id);
  });
});

describe("the open-data catalogue's summary", () => {
  it("counts a consultation published after the catalogue was shown, on node B's next request", async () => {
    // The consultations card's size: "no rows", "1 row" or "N rows".
    const rows = (html: string) => {
      const size = /href="\/open-data\/consultations\.csv"[\s\S]*?>(no rows|\d+ rows?)</.exec(html)?.[1];
      return size === "no rows" ? 0 : Number.parseInt(size ?? "", 10);
    };
    await warm(nodeB, "/en/open-data");
    const before = rows((await nodeB.inject("/en/open-data")).body);
    expect(before).toBeGreaterThanOrEqual(0);
    await createTestConsultation(db, { phase: "open", title: "Consultation sur les marchés couverts" });
    expect(rows((await nodeB.inject("/en/open-data")).body)).toBe(before + 1);
    const catalogue = await nodeB.inject("/open-data/catalog.jsonld");
    expect(catalogue.statusCode).toBe(200);
  });
});

describe("the accountability list's per-structure figures", () => {
  it("show a result created after the list was shown, on node B's next rendering", async () => {
    const [structure] = await db
      .select({ id: structures.id, code: structures.code, name: structures.name })
      .from(structures)
      .where(eq(structures.code, HOME_STRUCTURE));
    const option = `<option value="${structure!.code}"`;
    await warm(nodeB, "/en/accountability");
    // Another URL with the same filters: not a kept page, but the same kept figures.
    const before = await nodeB.inject("/en/accountability?status=");
    expect(before.body).not.toContain(option);
    await db.insert(results).values({
      code: "cache-1",
      structureId: structure!.id,
      title: { en: "Street lights" },
      description: {},
      progress: 40,
    });
    const after = await nodeB.inject("/en/accountability?status=");
    // The structures filter and the per-structure chart both show it now.
    expect(after.body).toContain(option);
    expect(after.body).toContain(`data-key="${structure!.code}" data-value="40"`);
  });
});
