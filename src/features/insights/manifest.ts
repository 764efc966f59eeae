import { fixedPages } from "../../core/features/sitemap.js";
import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { insightsCounters } from "./counters.js";
import { insightsFeature } from "./index.js";
import { refreshInsights, refreshInsightsJob } from "./refresh.js";
import * as tables from "./tables.js";

export const insightsManifest: FeatureManifest = {
  name: "insights",
  sitemap: [fixedPages("transparency", "/transparency")],
  routes: [
    // Its hook counts the other features' forms' funnel (routes with `config: { funnel }`).
    { plugin: insightsCounters, mount: "pages", hooksFirst: true },
    { plugin: insightsFeature, mount: "pages" },
  ],
  tables,
  adminSections: [
    {
      id: "insights",
      labelKey: "admin.nav.insights",
      summaryKey: "insights.adminSummary",
      path: "/admin/insights",
      order: 130,
      allowed: (actor) => adminAbilities(actor).insights,
    },
  ],
  /**
   * Last in the seed order: the first refresh reads every other feature's demo content. (The action
   * plan's demo milestones are accountability's results of origin "plan".)
   */
  seedDemo: async (db, _files, features) => {
    await refreshInsights(db, features);
    return [];
  },
  /** Rebuilds the rollups the dashboards read (refresh.ts). */
  jobs: [refreshInsightsJob],
};
