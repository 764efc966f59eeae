import { eq } from "drizzle-orm";
import { fixedPages } from "../../core/features/sitemap.js";
import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { seedDemoReports } from "./commands/seed-demo-reports.js";
import { integrityContributions } from "./contributions.js";
import { integrityFeature } from "./index.js";
import { endKeySessionsOf } from "./officers.js";
import { retireOfficer } from "./report-keys.js";
import { integrityRetention } from "./retention.js";
import * as tables from "./tables.js";
import { integrityOfficerKeys } from "./tables.js";

export const integrityManifest: FeatureManifest = {
  name: "integrity",
  sitemap: [fixedPages("integrity", "/integrity")],
  routes: [{ plugin: integrityFeature, mount: "pages" }],
  tables,
  /**
   * One card on the admin home, leading to what the actor may see: integrity officers to the reports
   * addressed to them, other staff to the counts. Both workspaces have their own navigation.
   */
  adminSections: [
    {
      id: "integrity",
      labelKey: "admin.nav.integrity",
      summaryKey: "integrity.adminSummary",
      path: "/integrity/officer",
      order: 6,
      nav: false,
      allowed: (actor) => adminAbilities(actor).integrityReports,
    },
    {
      id: "integrity-counts",
      labelKey: "admin.nav.integrity",
      summaryKey: "integrity.adminSummary",
      path: "/integrity/counts",
      order: 6,
      nav: false,
      allowed: (actor) => {
        const can = adminAbilities(actor);
        return can.integrityCounts && !can.integrityReports;
      },
    },
  ],
  contributions: [integrityContributions],
  retention: integrityRetention,
  seedDemo: seedDemoReports,
  /** An integrity officer leaves a structure: their keys open nothing of its reports any more. */
  async membershipRevoked(db, membership) {
    if (membership.role !== "integrity_officer") return;
    await retireOfficer(db, membership.accountId);
    await endKeySessionsOf(db, membership.accountId);
  },
  /** A deleted account keeps no key, and no report key stays sealed to it. */
  async forgetAccount(db, accountId) {
    await retireOfficer(db, accountId, { leaving: true });
    await endKeySessionsOf(db, accountId);
    await db.delete(integrityOfficerKeys).where(eq(integrityOfficerKeys.accountId, accountId));
  },
};
