import type { SitemapSource } from "./contracts.js";

/** A sitemap kind of fixed pages (a feature's index pages), which change with the code, not the data. */
export const fixedPages = (kind: string, ...paths: string[]): SitemapSource => ({
  kind,
  entries: async () => paths.map((path) => ({ path })),
});
