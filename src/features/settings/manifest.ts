import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { settingsFeature } from "./index.js";

/** The platform's settings. */
export const settingsManifest: FeatureManifest = {
  name: "settings",
  routes: [{ plugin: settingsFeature, mount: "pages" }],
  adminSections: [
    {
      id: "settings",
      labelKey: "admin.nav.settings",
      summaryKey: "settings.adminSummary",
      path: "/admin/settings",
      order: 150,
      allowed: (actor) => adminAbilities(actor).settings,
    },
  ],
};
