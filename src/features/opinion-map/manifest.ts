import type { FeatureManifest } from "../../core/manifest.js";
import { forgetOpinionMapAccount } from "./commands/forget-account.js";
import { recomputeStaleMaps } from "./commands/recompute.js";
import { opinionMapFeature } from "./index.js";
import { opinionMapsDataset } from "./open-data.js";
import { seedDemoOpinionMap } from "./seed-demo.js";
import * as tables from "./tables.js";

export const opinionMapManifest: FeatureManifest = {
  name: "opinion-map",
  routes: [{ plugin: opinionMapFeature, mount: "pages" }],
  tables,
  datasets: [{ dataset: opinionMapsDataset, apiPath: "/opinion-maps", order: 60 }],
  seedDemo: seedDemoOpinionMap,
  forgetAccount: forgetOpinionMapAccount,
  /** Every minute, the maps whose votes or statements changed are recomputed (never on the request path). */
  jobs: [{ name: "opinion-map-recompute", cron: "* * * * *", run: (db, now) => recomputeStaleMaps(db, now) }],
};
