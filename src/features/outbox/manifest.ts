import type { FeatureManifest } from "../../core/manifest.js";
import { outboxFeature } from "./index.js";
import { outboxRetention } from "./retention.js";

/** The mail outbox viewer, outside production only. */
export const outboxManifest: FeatureManifest = {
  name: "outbox",
  routes: [{ plugin: outboxFeature, mount: "pages", developmentOnly: true }],
  /** Sent mails are kept 90 days (retention.ts). */
  retention: outboxRetention,
};
