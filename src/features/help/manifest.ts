import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { seedHelpArticles } from "./content.js";
import { helpFeature } from "./index.js";
import { helpSearch } from "./search.js";
import { helpSitemap } from "./sitemap.js";
import * as tables from "./tables.js";

export const helpManifest: FeatureManifest = {
  name: "help",
  sitemap: [helpSitemap],
  search: [helpSearch],
  routes: [{ plugin: helpFeature, mount: "pages" }],
  tables,
  adminSections: [
    {
      id: "help",
      labelKey: "admin.nav.help",
      path: "/admin/help",
      order: 110,
      allowed: (actor) => adminAbilities(actor).help,
    },
  ],
  seedReference: seedHelpArticles,
};
