import type { FeatureManifest } from "../../core/manifest.js";
import { feedsFeature } from "./index.js";

/** The Atom feeds every feature declares (`feeds`), served from one place. */
export const feedsManifest: FeatureManifest = {
  name: "feeds",
  routes: [{ plugin: feedsFeature, mount: "pages" }],
};
