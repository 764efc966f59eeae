import type { FeatureManifest } from "../../core/manifest.js";
import { seedDemoStaff } from "./commands/seed-demo-staff.js";

export const staffManifest: FeatureManifest = {
  name: "staff",
  seedDemo: seedDemoStaff,
};
