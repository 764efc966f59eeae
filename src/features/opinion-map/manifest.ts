import type { FeatureManifest } from "../../core/manifest.js";
import { forgetOpinionMapAccount } from "./commands/forget-account.js";
import { recomputeStaleMaps } from "./commands/recompute.js";
import { seedDemoOpinionMap } from "./seed-demo.js";

export const opinionMapManifest: FeatureManifest = {
  name: "opinion-map",
  seedDemo: seedDemoOpinionMap,
  forgetAccount: forgetOpinionMapAccount,
  /** Every minute, the maps whose votes or statements changed are recomputed (never on the request path). */
  jobs: [{ name: "opinion-map-recompute", cron: "* * * * *", run: (db, now) => recomputeStaleMaps(db, now) }],
};
