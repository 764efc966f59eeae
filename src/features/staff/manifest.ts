import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { seedDemoStaff } from "./commands/seed-demo-staff.js";
import { staffFeature } from "./index.js";

export const staffManifest: FeatureManifest = {
  name: "staff",
  routes: [{ plugin: staffFeature, mount: "pages" }],
  adminSections: [
    {
      id: "staff",
      labelKey: "admin.nav.staff",
      summaryKey: "staff.adminSummary",
      path: "/admin/staff",
      order: 30,
      allowed: (actor) => adminAbilities(actor).staff,
    },
  ],
  seedDemo: seedDemoStaff,
};
