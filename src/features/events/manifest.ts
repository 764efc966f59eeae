import type { FeatureManifest } from "../../core/manifest.js";
import { seedDemoEvents } from "./commands/seed-demo-events.js";
import { remindersJob } from "./reminders.js";

export const eventsManifest: FeatureManifest = {
  name: "events",
  seedDemo: (db) => seedDemoEvents(db),
  /** Reminds confirmed participants the day before (reminders.ts). */
  jobs: [remindersJob],
};
