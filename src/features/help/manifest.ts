import type { FeatureManifest } from "../../core/manifest.js";
import { seedHelpArticles } from "./content.js";

export const helpManifest: FeatureManifest = {
  name: "help",
  seedReference: seedHelpArticles,
};
