import type { FeatureManifest } from "../../core/manifest.js";
import { galleryFeature } from "./index.js";

/** The component gallery, outside production only. */
export const galleryManifest: FeatureManifest = {
  name: "gallery",
  routes: [{ plugin: galleryFeature, mount: "pages", developmentOnly: true }],
};
