import { fixedPages } from "../../core/features/sitemap.js";
import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { seedLegalPages } from "./content.js";
import { exportLegalAccount } from "./export-account.js";
import { legalFeature } from "./index.js";
import { retentionPurgeJob } from "./retention-job.js";
import * as tables from "./tables.js";

export const legalManifest: FeatureManifest = {
  name: "legal",
  exportAccount: exportLegalAccount,
  sitemap: [fixedPages("legal", ...tables.LEGAL_PAGES.map((page) => `/legal/${page}`))],
  routes: [{ plugin: legalFeature, mount: "pages" }],
  tables,
  adminSections: [
    {
      id: "legal",
      labelKey: "admin.nav.legal",
      path: "/admin/legal",
      order: 120,
      allowed: (actor) => adminAbilities(actor).settings,
    },
  ],
  seedReference: seedLegalPages,
  /** Applies every feature's retention rules each night (the table on the personal-data notice). */
  jobs: [retentionPurgeJob],
};
