import type { FeatureManifest } from "../../core/manifest.js";
import { seedDemoCases } from "./commands/seed-demo-cases.js";
import { deadlinesJob } from "./jobs/deadlines.js";

export const casesManifest: FeatureManifest = {
  name: "cases",
  seedDemo: seedDemoCases,
  /** Reminders before the deadline, escalations after it (jobs/deadlines.ts). */
  jobs: [deadlinesJob],
};
