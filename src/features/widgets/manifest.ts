import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { widgetsFeature } from "./index.js";
import * as tables from "./tables.js";

/** Embeddable widgets of a structure. */
export const widgetsManifest: FeatureManifest = {
  name: "widgets",
  routes: [{ plugin: widgetsFeature, mount: "pages" }],
  tables,
  adminSections: [
    {
      id: "widgets",
      labelKey: "admin.nav.widgets",
      path: "/admin/widgets",
      order: 100,
      allowed: (actor) => adminAbilities(actor).widgets,
    },
  ],
};
