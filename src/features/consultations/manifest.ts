import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { forgetConsultationAccount } from "./commands/forget-account.js";
import { seedDemoConsultations } from "./commands/seed-demo.js";
import { consultationContributions } from "./contributions.js";
import { amendmentsDataset, textVersionsDataset } from "./drafting/open-data.js";
import * as draftingTables from "./drafting/tables.js";
import { exportConsultationAccount } from "./export-account.js";
import { openConsultationsFeed } from "./feed.js";
import { consultationFollowable } from "./followable.js";
import { consultationModeration, consultationsFeature } from "./index.js";
import { phaseNoticesJob } from "./jobs/phase-notices.js";
import { consultationsDataset, outcomesDataset, sectionsDataset } from "./open-data.js";
import { contributionsDataset, questionnaireResultsDataset } from "./open-data-participation.js";
import { consultationsSearch, sectionsSearch } from "./search.js";
import { consultationsSitemap } from "./sitemap.js";
import * as tables from "./tables.js";
import { consultationsWidget } from "./widget.js";

export const consultationsManifest: FeatureManifest = {
  name: "consultations",
  exportAccount: exportConsultationAccount,
  sitemap: [consultationsSitemap],
  search: [consultationsSearch, sectionsSearch],
  feeds: [openConsultationsFeed],
  routes: [{ plugin: consultationsFeature, mount: "pages" }],
  tables: { ...tables, ...draftingTables },
  datasets: [
    { dataset: consultationsDataset, apiPath: "/consultations", order: 10 },
    { dataset: sectionsDataset, apiPath: "/sections", order: 20 },
    { dataset: contributionsDataset, apiPath: "/comments", order: 30 },
    { dataset: amendmentsDataset, apiPath: "/amendments", order: 35 },
    { dataset: questionnaireResultsDataset, apiPath: "/questionnaire-results", order: 40 },
    { dataset: outcomesDataset, apiPath: "/outcomes", order: 50 },
    { dataset: textVersionsDataset, apiPath: "/text-versions", order: 55 },
  ],
  followable: [consultationFollowable],
  widgets: [consultationsWidget],
  moderation: consultationModeration,
  contributions: [consultationContributions],
  adminSections: [
    {
      id: "consultations",
      labelKey: "admin.nav.consultations",
      summaryKey: "consultations.adminSummary",
      path: "/admin/consultations",
      order: 10,
      allowed: (actor) => adminAbilities(actor).consultations,
    },
  ],
  seedDemo: seedDemoConsultations,
  forgetAccount: forgetConsultationAccount,
  /** Followers hear of phases that change on their dates (jobs/phase-notices.ts). */
  jobs: [phaseNoticesJob],
};
