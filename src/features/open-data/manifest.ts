import { fixedPages } from "../../core/features/sitemap.js";
import type { FeatureManifest } from "../../core/manifest.js";
import { openDataFeature, openDataRoot } from "./index.js";

/** Open data: the catalogue, downloads and API of what the features publish (`datasets`). */
export const openDataManifest: FeatureManifest = {
  name: "open-data",
  sitemap: [fixedPages("open-data", "/open-data")],
  routes: [
    { plugin: openDataRoot, mount: "root" },
    { plugin: openDataFeature, mount: "pages" },
  ],
};
