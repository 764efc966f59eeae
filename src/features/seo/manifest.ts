import type { FeatureManifest } from "../../core/manifest.js";
import { seoRoot } from "./index.js";

/** robots.txt and the sitemap of the public pages every feature declares (`sitemap`). */
export const seoManifest: FeatureManifest = {
  name: "seo",
  routes: [{ plugin: seoRoot, mount: "root" }],
};
