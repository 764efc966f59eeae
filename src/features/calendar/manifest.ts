import type { FeatureManifest } from "../../core/manifest.js";
import { seedReferenceCalendar } from "./commands/seed-reference-calendar.js";

/** The working-day calendar and the deadline policies of E-Citizen requests. */
export const calendarManifest: FeatureManifest = {
  name: "calendar",
  seedReference: seedReferenceCalendar,
};
