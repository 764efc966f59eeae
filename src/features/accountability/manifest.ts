import type { FeatureManifest } from "../../core/manifest.js";
import { RESULT_ACTIONS } from "./actions.js";
import { seedDemoResults } from "./commands/seed-demo.js";
import { resultsFeed } from "./feed.js";
import { resultFollowable } from "./followable.js";
import { accountabilityFeature } from "./index.js";
import { resultsDataset } from "./open-data.js";
import { RESULT_PANELS } from "./panels.js";
import { resultScope } from "./policy.js";
import { resultsSitemap } from "./sitemap.js";
import * as tables from "./tables.js";

export const accountabilityManifest: FeatureManifest = {
  name: "accountability",
  routes: [{ plugin: accountabilityFeature, mount: "pages" }],
  tables,
  sitemap: [resultsSitemap],
  followable: [resultFollowable],
  feeds: [resultsFeed],
  datasets: [{ dataset: resultsDataset, apiPath: "/results", order: 55 }],
  panels: RESULT_PANELS,
  recordActions: RESULT_ACTIONS,
  adminSections: [
    {
      id: "accountability",
      labelKey: "accountability.admin.nav",
      path: "/admin/accountability",
      order: 75,
      allowed: (actor) => {
        const scope = resultScope(actor);
        return scope === "all" || scope.length > 0;
      },
    },
  ],
  seedDemo: (db) => seedDemoResults(db),
};
