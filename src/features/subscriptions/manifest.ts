import type { FeatureManifest } from "../../core/manifest.js";
import { forgetSubscriber } from "./commands.js";
import { digestJobs } from "./digests.js";
import { seedDemoSubscriptions } from "./seed-demo.js";
import { seedThemes } from "./themes.js";

export const subscriptionsManifest: FeatureManifest = {
  name: "subscriptions",
  seedReference: seedThemes,
  seedDemo: seedDemoSubscriptions,
  /** Instant mails, and the daily and weekly digests, built in batches (digests.ts). */
  jobs: digestJobs,
  forgetAccount: (db, accountId) => forgetSubscriber(db, accountId),
};
