import type { FeatureManifest } from "../../core/manifest.js";
import { searchFeature } from "./index.js";

/** One search across every public kind of content the features declare (`search` in a manifest). */
export const searchManifest: FeatureManifest = {
  name: "search",
  routes: [{ plugin: searchFeature, mount: "pages" }],
};
