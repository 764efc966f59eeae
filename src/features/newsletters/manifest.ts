import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { newslettersJob } from "./commands.js";
import { newslettersFeature } from "./index.js";
import * as tables from "./tables.js";

export const newslettersManifest: FeatureManifest = {
  name: "newsletters",
  routes: [{ plugin: newslettersFeature, mount: "pages" }],
  tables,
  adminSections: [
    {
      id: "newsletters",
      labelKey: "admin.nav.newsletters",
      path: "/admin/newsletters",
      order: 90,
      allowed: (actor) => adminAbilities(actor).newsletters,
    },
  ],
  /** Queues the newsletters being sent, batch by batch (commands.ts). */
  jobs: [newslettersJob],
};
