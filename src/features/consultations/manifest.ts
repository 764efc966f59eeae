import type { FeatureManifest } from "../../core/manifest.js";
import { forgetConsultationAccount } from "./commands/forget-account.js";
import { seedDemoConsultations } from "./commands/seed-demo.js";
import { phaseNoticesJob } from "./jobs/phase-notices.js";

export const consultationsManifest: FeatureManifest = {
  name: "consultations",
  seedDemo: seedDemoConsultations,
  forgetAccount: forgetConsultationAccount,
  /** Followers hear of phases that change on their dates (jobs/phase-notices.ts). */
  jobs: [phaseNoticesJob],
};
