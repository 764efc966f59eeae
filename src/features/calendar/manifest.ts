import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { seedReferenceCalendar } from "./commands/seed-reference-calendar.js";
import { calendarFeature } from "./index.js";
import * as tables from "./tables.js";

/** The working-day calendar and the deadline policies of E-Citizen requests. */
export const calendarManifest: FeatureManifest = {
  name: "calendar",
  routes: [{ plugin: calendarFeature, mount: "pages" }],
  tables,
  adminSections: [
    {
      id: "deadlines",
      labelKey: "admin.nav.deadlines",
      summaryKey: "calendar.deadlines.adminSummary",
      path: "/admin/deadlines",
      order: 40,
      allowed: (actor) => adminAbilities(actor).deadlines,
    },
    {
      id: "calendar",
      labelKey: "admin.nav.calendar",
      summaryKey: "calendar.adminSummary",
      path: "/admin/calendar",
      order: 60,
      allowed: (actor) => adminAbilities(actor).settings,
    },
  ],
  seedReference: seedReferenceCalendar,
};
