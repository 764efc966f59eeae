import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { auditLogFeature } from "./index.js";
import { auditRetention } from "./retention.js";

/** The audit log, for platform admins. */
export const auditLogManifest: FeatureManifest = {
  name: "audit-log",
  routes: [{ plugin: auditLogFeature, mount: "pages" }],
  retention: auditRetention,
  adminSections: [
    {
      id: "audit",
      labelKey: "admin.nav.audit",
      summaryKey: "audit-log.adminSummary",
      path: "/admin/audit",
      order: 140,
      allowed: (actor) => adminAbilities(actor).audit,
    },
  ],
};
