import type { FeatureManifest } from "../../core/manifest.js";
import { moderationFeature } from "./index.js";
import * as tables from "./tables.js";

/** Moderation of the public text every feature declares (`moderation`). */
export const moderationManifest: FeatureManifest = {
  name: "moderation",
  routes: [{ plugin: moderationFeature, mount: "pages" }],
  tables,
  /** Decisions about a person's posts (hidden, published again) and account, in their notification centre. */
  notificationKinds: [
    {
      id: "moderation-decision",
      labelKey: "moderation.notifications.label",
      messageKey: (params) =>
        params.decision === "blocked"
          ? "moderation.notifications.blocked"
          : params.decision === "restored"
            ? "moderation.notifications.restored"
            : "moderation.notifications.hidden",
      choices: { email: true, sms: false, frequencies: ["instant"] },
    },
  ],
};
