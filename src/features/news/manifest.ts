import type { FeatureManifest } from "../../core/manifest.js";
import { seedDemoNews } from "./commands/seed-demo-news.js";
import { newsFeed, newsSearch, newsSitemap } from "./discovery.js";
import { newsFollowable } from "./followable.js";
import { newsFeature } from "./index.js";
import { canManageNews } from "./policy.js";
import * as tables from "./tables.js";

/** News: announcements by the central office and the structures, followable, in feeds and search. */
export const newsManifest: FeatureManifest = {
  name: "news",
  routes: [{ plugin: newsFeature, mount: "pages" }],
  tables,
  sitemap: [newsSitemap],
  search: [newsSearch],
  feeds: [newsFeed],
  followable: [newsFollowable],
  adminSections: [
    {
      id: "news",
      labelKey: "news.admin.nav",
      path: "/admin/news",
      order: 78,
      allowed: (actor) => canManageNews(actor, null),
    },
  ],
  seedDemo: (db, files) => seedDemoNews(db, files),
};
