import { fixedPages } from "../../core/features/sitemap.js";
import type { FeatureManifest } from "../../core/manifest.js";
import { homeFeature } from "./index.js";

/** The home page. */
export const homeManifest: FeatureManifest = {
  name: "home",
  sitemap: [fixedPages("home", "/")],
  routes: [{ plugin: homeFeature, mount: "pages" }],
};
