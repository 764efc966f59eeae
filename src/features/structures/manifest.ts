import type { FeatureManifest } from "../../core/manifest.js";
import { seedDemoStructures } from "./commands/seed-demo-structures.js";
import { seedReferenceStructures } from "./commands/seed-reference-structures.js";

export const structuresManifest: FeatureManifest = {
  name: "structures",
  seedReference: seedReferenceStructures,
  seedDemo: seedDemoStructures,
};
