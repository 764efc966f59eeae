import type { FeatureManifest } from "../../core/manifest.js";
import { exportNotifications, forgetNotifications } from "./commands.js";
import { notificationsFeature } from "./index.js";
import { notificationRetention } from "./retention.js";
import { seedDemoNotifications } from "./seed-demo.js";

/**
 * The notification centre's pages. Its table and `notify` are core's (core/notifications), so any
 * feature writes into it in its own transaction; each declares its kinds (`notificationKinds`).
 */
export const notificationsManifest: FeatureManifest = {
  name: "notifications",
  routes: [{ plugin: notificationsFeature, mount: "pages" }],
  exportAccount: exportNotifications,
  forgetAccount: (db, accountId) => forgetNotifications(db, accountId),
  /** Kept 180 days (retention.ts), shown on the personal-data notice. */
  retention: notificationRetention,
  seedDemo: seedDemoNotifications,
};
