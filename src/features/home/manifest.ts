import type { FeatureManifest } from "../../core/manifest.js";
import { homeFeature } from "./index.js";

/** The home page. */
export const homeManifest: FeatureManifest = {
  name: "home",
  routes: [{ plugin: homeFeature, mount: "pages" }],
};
