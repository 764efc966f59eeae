import type { FeatureManifest } from "../../core/manifest.js";
import { digestChoice, forgetSubscriber } from "./commands.js";
import { digestJobs } from "./digests.js";
import { exportSubscriberAccount } from "./export-account.js";
import { themeFollowable } from "./followable.js";
import { subscriptionsFeature } from "./index.js";
import { seedDemoSubscriptions } from "./seed-demo.js";
import * as tables from "./tables.js";
import { seedThemes } from "./themes.js";

export const subscriptionsManifest: FeatureManifest = {
  name: "subscriptions",
  exportAccount: exportSubscriberAccount,
  routes: [{ plugin: subscriptionsFeature, mount: "pages" }],
  tables,
  followable: [themeFollowable],
  seedReference: seedThemes,
  seedDemo: seedDemoSubscriptions,
  /** Instant mails, and the daily and weekly digests, built in batches (digests.ts). */
  jobs: digestJobs,
  /** News of what a person follows, in their notification centre (notices.ts). */
  notificationKinds: [
    {
      id: "followed-news",
      labelKey: "subscriptions.notifications.label",
      messageKey: () => "subscriptions.notifications.news",
      choices: { email: true, sms: false, frequencies: ["instant", "daily", "weekly"] },
      // The e-mail rhythm is the digests' own setting (subscriber_settings.email).
      stored: digestChoice,
    },
  ],
  forgetAccount: (db, accountId) => forgetSubscriber(db, accountId),
};
