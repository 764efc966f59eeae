import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { seedDemoStructures } from "./commands/seed-demo-structures.js";
import { seedReferenceStructures } from "./commands/seed-reference-structures.js";
import { structureFollowables } from "./followable.js";
import { structuresFeature } from "./index.js";
import { structuresDataset } from "./open-data.js";
import { structuresSearch } from "./search.js";
import { structuresSitemap } from "./sitemap.js";
import * as tables from "./tables.js";

export const structuresManifest: FeatureManifest = {
  name: "structures",
  sitemap: [structuresSitemap],
  search: [structuresSearch],
  routes: [{ plugin: structuresFeature, mount: "pages" }],
  tables,
  datasets: [{ dataset: structuresDataset, apiPath: "/structures", order: 70 }],
  followable: structureFollowables,
  adminSections: [
    {
      id: "structures",
      labelKey: "admin.nav.structures",
      summaryKey: "structures.adminSummary",
      path: "/admin/structures",
      order: 20,
      allowed: (actor) => adminAbilities(actor).structures,
    },
  ],
  seedReference: seedReferenceStructures,
  seedDemo: seedDemoStructures,
};
