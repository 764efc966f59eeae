import type { FeatureManifest } from "../../core/manifest.js";
import { seedDemoPlan } from "./commands/seed-demo-plan.js";
import { refreshInsightsJob } from "./refresh.js";

export const insightsManifest: FeatureManifest = {
  name: "insights",
  /** Last in the seed order: the first refresh reads every other feature's demo content. */
  seedDemo: (db) => seedDemoPlan(db),
  /** Rebuilds the rollups the dashboards read (refresh.ts). */
  jobs: [refreshInsightsJob],
};
