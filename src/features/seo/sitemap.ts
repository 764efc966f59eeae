import type { SitemapEntry, SitemapSource } from "../../core/features/contracts.js";
import { LOCALES } from "../../core/i18n/localized.js";
import { xmlText as xml } from "../../core/xml.js";
import type { Db } from "../../db/client.js";

/** The most URLs one sitemap file may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** A language's URL of a locale-relative path ("/" is the home page). */
const pageUrl = (publicUrl: string, lang: string, path: string) =>
  `${publicUrl}/${lang}${path === "/" ? "" : path}`;

/** The sitemap index: one file per kind of page the features declare. */
export function sitemapIndex(publicUrl: string, sources: readonly SitemapSource[]): string {
  const files = sources.map(
    (s) => `  <sitemap><loc>${xml(`${publicUrl}/sitemaps/${s.kind}.xml`)}</loc></sitemap>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files,
    "</sitemapindex>",
    "",
  ].join("\n");
}

/**
 * One kind's sitemap: each page once per language, each naming its versions in the other languages
 * and the Arabic one as the default (hreflang alternates, as search engines read them). A page's
 * three languages count as three URLs, so a kind lists at most a third of the file's limit.
 */
export async function sitemapFile(db: Db, publicUrl: string, source: SitemapSource): Promise<string> {
  const entries = await source.entries(db, Math.floor(SITEMAP_LIMIT / LOCALES.length));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries.flatMap((entry) => LOCALES.map((lang) => urlElement(publicUrl, lang, entry))),
    "</urlset>",
    "",
  ].join("\n");
}

function urlElement(publicUrl: string, lang: string, { path, modified }: SitemapEntry): string {
  const alternates = [
    ...LOCALES.map((l) => [l, pageUrl(publicUrl, l, path)] as const),
    ["x-default", pageUrl(publicUrl, LOCALES[0], path)] as const,
  ].map(([l, href]) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xml(href)}"/>`);
  const lastmod = modified ? `<lastmod>${modified.toISOString()}</lastmod>` : "";
  return `  <url><loc>${xml(pageUrl(publicUrl, lang, path))}</loc>${lastmod}${alternates.join("")}</url>`;
}
