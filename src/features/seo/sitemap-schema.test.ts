import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";
import { createTestApp } from "../../../test/app.js";

/**
 * The sitemap index and every sitemap it names validate against the sitemaps.org 0.9 schema
 * (sitemap.xsd as the `sitemap` npm package ships it, read from node_modules), with libxml2's
 * validator (xmllint-wasm). Our own schemas in test/fixtures/sitemaps add what sitemaps.org leaves
 * out: the index format (siteindex.xsd) and the xhtml:link hreflang alternates (xhtml-link.xsd).
 */
const PUBLIC_URL = "https://sharek.example.tn";
const { app } = await createTestApp({ demo: true, env: { PUBLIC_URL } });

const FIXTURES = new URL("../../../test/fixtures/sitemaps/", import.meta.url);
const fixture = (fileName: string): XMLFileInfo => ({
  fileName,
  contents: readFileSync(new URL(fileName, FIXTURES), "utf8"),
});
const sitemapsOrg: XMLFileInfo = {
  fileName: "sitemap.xsd",
  contents: readFileSync(
    join(dirname(createRequire(import.meta.url).resolve("sitemap/package.json")), "schema/sitemap.xsd"),
    "utf8",
  ),
};

/**
 * The validator's errors for a document, as "line: message" (none when it is valid). siteindex.xsd
 * includes sitemap.xsd, so it would also accept a <urlset>: the root element is checked apart.
 */
async function schemaErrors(xml: string, root: "urlset" | "sitemapindex"): Promise<string[]> {
  const schema = root === "urlset" ? fixture("urlset.xsd") : fixture("siteindex.xsd");
  const preload = root === "urlset" ? [sitemapsOrg, fixture("xhtml-link.xsd")] : [sitemapsOrg];
  const result = await validateXML({ xml: { fileName: `${root}.xml`, contents: xml }, schema, preload });
  const errors = result.errors.map((e) => `${e.loc?.lineNumber ?? "?"}: ${e.message}`);
  expect(result.valid, errors.join("\n")).toBe(errors.length === 0);
  const found = /^(?:<\?xml[^>]*\?>\s*)?<([\w:]+)/.exec(xml)?.[1];
  return found === root ? errors : [...errors, `root element is <${found}>, not <${root}>`];
}

async function get(url: string): Promise<string> {
  const response = await app.inject({ method: "GET", url });
  expect(response.statusCode, url).toBe(200);
  expect(response.headers["content-type"], url).toBe("application/xml; charset=utf-8");
  return response.body;
}

const URLSET =
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">';
const link = (hreflang: string, path: string) =>
  `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${PUBLIC_URL}/${path}"/>`;

describe("the sitemaps validate against the sitemaps.org schema", () => {
  it("the sitemap index and each sitemap it names, on the demo content, with no error", async () => {
    const index = await get("/sitemap.xml");
    expect(await schemaErrors(index, "sitemapindex")).toEqual([]);
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) {
      expect(file.startsWith(`${PUBLIC_URL}/sitemaps/`), file).toBe(true);
      const sitemap = await get(file.slice(PUBLIC_URL.length));
      expect(await schemaErrors(sitemap, "urlset"), file).toEqual([]);
      expect(sitemap.match(/<url>/g)?.length ?? 0, file).toBeGreaterThanOrEqual(1);
      expect(sitemap, file).toContain('<xhtml:link rel="alternate" hreflang="x-default"');
    }
  });

  it("reports a sitemap that breaks the schema, each for its reason", async () => {
    const valid = `${URLSET}<url><loc>${PUBLIC_URL}/ar</loc>${link("ar", "ar")}${link("x-default", "ar")}</url></urlset>`;
    expect(await schemaErrors(valid, "urlset")).toEqual([]);
    const url = (inner: string) => `${URLSET}<url><loc>${PUBLIC_URL}/ar</loc>${inner}</url></urlset>`;
    const broken: Array<[string, RegExp]> = [
      [url("<priority>2</priority>"), /priority.*greater than the maximum value allowed/],
      [`${URLSET}<url><lastmod>2026-12-07</lastmod></url></urlset>`, /lastmod.*not expected.*loc/],
      [url("<lastmod>yesterday</lastmod>"), /lastmod.*not a valid value/],
      [url(`<xhtml:link rel="alternate" href="${PUBLIC_URL}/fr"/>`), /'hreflang' is required/],
      [url(link("français", "fr")), /hreflang.*not accepted by the pattern/],
      [url(`<xhtml:link rel="alternate" hreflang="fr" href="/fr"/>`), /href.*not accepted by the pattern/],
      [url(`<xhtml:meta name="x"/>`), /meta.*No matching global element declaration/],
      [`${URLSET}</urlset>`, /urlset.*Missing child element/],
    ];
    for (const [xml, reason] of broken)
      expect((await schemaErrors(xml, "urlset")).join("\n"), xml).toMatch(reason);
  });

  it("reports a sitemap index that breaks the schema, or a urlset served as the index", async () => {
    const INDEX = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
    const entry = (inner: string) => `${INDEX}<sitemap>${inner}</sitemap></sitemapindex>`;
    const loc = `<loc>${PUBLIC_URL}/sitemaps/home.xml</loc>`;
    expect(await schemaErrors(entry(`${loc}<lastmod>2026-12-07</lastmod>`), "sitemapindex")).toEqual([]);
    const broken: Array<[string, RegExp]> = [
      [entry("<lastmod>2026-12-07</lastmod>"), /lastmod.*not expected.*loc/],
      [entry(`${loc}<priority>0.5</priority>`), /priority.*not expected/],
      [`${INDEX}</sitemapindex>`, /sitemapindex.*Missing child element/],
      [`${URLSET}<url><loc>${PUBLIC_URL}/ar</loc></url></urlset>`, /root element is <urlset>/],
    ];
    for (const [xml, reason] of broken)
      expect((await schemaErrors(xml, "sitemapindex")).join("\n"), xml).toMatch(reason);
  });
});
