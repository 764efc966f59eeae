import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { open311AdminFeature, open311Api } from "./index.js";
import * as tables from "./tables.js";

/** The Open311 GeoReport v2 API (at /open311/v2, outside the locales) and its admin. */
export const open311Manifest: FeatureManifest = {
  name: "open311",
  routes: [
    { plugin: open311Api, mount: "root" },
    { plugin: open311AdminFeature, mount: "pages" },
  ],
  tables,
  adminSections: [
    {
      id: "open311",
      labelKey: "admin.nav.open311",
      summaryKey: "open311.adminSummary",
      path: "/admin/open311",
      order: 70,
      allowed: (actor) => adminAbilities(actor).settings,
    },
  ],
};
