import type { FeatureManifest } from "../../core/manifest.js";
import { outboxFeature } from "./index.js";

/** The mail outbox viewer, outside production only. */
export const outboxManifest: FeatureManifest = {
  name: "outbox",
  routes: [{ plugin: outboxFeature, mount: "pages", developmentOnly: true }],
};
