import type { FeatureManifest } from "../../core/manifest.js";
import { adminFeature } from "./index.js";

/** The admin area's home; every feature declares its own sections. */
export const adminManifest: FeatureManifest = {
  name: "admin",
  routes: [{ plugin: adminFeature, mount: "pages" }],
  adminSections: [{ id: "home", labelKey: "admin.nav.home", path: "/admin", order: 0, allowed: () => true }],
};
