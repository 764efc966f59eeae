import type { FeatureManifest } from "../../core/manifest.js";
import { moderationFeature } from "./index.js";
import * as tables from "./tables.js";

/** Moderation of the public text every feature declares (`moderation`). */
export const moderationManifest: FeatureManifest = {
  name: "moderation",
  routes: [{ plugin: moderationFeature, mount: "pages" }],
  tables,
};
