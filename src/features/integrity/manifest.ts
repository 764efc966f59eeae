import { eq } from "drizzle-orm";
import type { FeatureManifest } from "../../core/manifest.js";
import { seedDemoReports } from "./commands/seed-demo-reports.js";
import { integrityContributions } from "./contributions.js";
import { integrityFeature } from "./index.js";
import { endKeySessionsOf } from "./officers.js";
import { retireOfficer } from "./report-keys.js";
import * as tables from "./tables.js";
import { integrityOfficerKeys } from "./tables.js";

export const integrityManifest: FeatureManifest = {
  name: "integrity",
  routes: [{ plugin: integrityFeature, mount: "pages" }],
  tables,
  contributions: [integrityContributions],
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
