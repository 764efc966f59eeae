import type { FeatureManifest } from "../../core/manifest.js";
import { seedDemoCases } from "./commands/seed-demo-cases.js";

export const casesManifest: FeatureManifest = {
  name: "cases",
  seedDemo: seedDemoCases,
};
