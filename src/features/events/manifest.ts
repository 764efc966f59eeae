import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { seedDemoEvents } from "./commands/seed-demo-events.js";
import { exportEventAccount } from "./export-account.js";
import { eventsFeed } from "./feed.js";
import { eventsFeature } from "./index.js";
import { remindersJob } from "./reminders.js";
import { eventsSearch } from "./search.js";
import { eventsSitemap } from "./sitemap.js";
import * as tables from "./tables.js";

export const eventsManifest: FeatureManifest = {
  name: "events",
  exportAccount: exportEventAccount,
  sitemap: [eventsSitemap],
  search: [eventsSearch],
  feeds: [eventsFeed],
  routes: [{ plugin: eventsFeature, mount: "pages" }],
  tables,
  adminSections: [
    {
      id: "events",
      labelKey: "admin.nav.events",
      path: "/admin/events",
      order: 80,
      allowed: (actor) => adminAbilities(actor).events,
    },
  ],
  seedDemo: (db) => seedDemoEvents(db),
  /** Reminds confirmed participants the day before (reminders.ts). */
  jobs: [remindersJob],
};
