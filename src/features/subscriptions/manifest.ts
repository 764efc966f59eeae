import type { FeatureManifest } from "../../core/manifest.js";
import { seedThemes } from "./themes.js";

export const subscriptionsManifest: FeatureManifest = {
  name: "subscriptions",
  seedReference: seedThemes,
};
