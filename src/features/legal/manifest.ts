import type { FeatureManifest } from "../../core/manifest.js";
import { seedLegalPages } from "./content.js";

export const legalManifest: FeatureManifest = {
  name: "legal",
  seedReference: seedLegalPages,
};
