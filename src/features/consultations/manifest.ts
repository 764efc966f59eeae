import type { FeatureManifest } from "../../core/manifest.js";
import { forgetConsultationAccount } from "./commands/forget-account.js";
import { seedDemoConsultations } from "./commands/seed-demo.js";

export const consultationsManifest: FeatureManifest = {
  name: "consultations",
  seedDemo: seedDemoConsultations,
  forgetAccount: forgetConsultationAccount,
};
