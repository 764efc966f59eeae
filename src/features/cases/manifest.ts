import { fixedPages } from "../../core/features/sitemap.js";
import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { forgetCaseAccount } from "./commands/forget-account.js";
import { seedDemoCases } from "./commands/seed-demo-cases.js";
import { requestContributions } from "./contributions.js";
import { exportCaseAccount } from "./export-account.js";
import { casesFeature } from "./index.js";
import { assignmentSummaryJob } from "./jobs/assignment-summary.js";
import { deadlinesJob } from "./jobs/deadlines.js";
import { caseNotificationKinds } from "./notification-kinds.js";
import { caseRetention } from "./retention.js";
import { requestStatisticsDataset } from "./stats/open-data.js";
import * as caseTables from "./tables.js";
import { caseWidgets } from "./widgets.js";
import * as workspaceTables from "./workspace/tables.js";
import { leaveTeams } from "./workspace/teams.js";

export const casesManifest: FeatureManifest = {
  name: "cases",
  exportAccount: exportCaseAccount,
  sitemap: [fixedPages("requests", "/requests/new", "/requests/follow")],
  routes: [{ plugin: casesFeature, mount: "pages" }],
  tables: { ...caseTables, ...workspaceTables },
  widgets: caseWidgets,
  /** The staff's requests workspace has its own navigation: a card on the admin home only. */
  adminSections: [
    {
      id: "requests",
      labelKey: "admin.nav.requests",
      summaryKey: "cases.workspace.adminSummary",
      path: "/staff/requests",
      order: 4,
      nav: false,
      allowed: (actor) => adminAbilities(actor).requests,
    },
  ],
  datasets: [{ dataset: requestStatisticsDataset, apiPath: "/statistics/requests", order: 90 }],
  contributions: [requestContributions],
  seedDemo: seedDemoCases,
  forgetAccount: (db, accountId) => forgetCaseAccount(db, accountId),
  retention: caseRetention,
  /** Replies and status changes, in the submitter's and followers' notification centres. */
  notificationKinds: caseNotificationKinds,
  /** An agent who leaves a structure leaves its teams. */
  membershipRevoked: (db, membership) => leaveTeams(db, membership),
  /**
   * Reminders before the deadline, escalations after it (jobs/deadlines.ts); the daily summary of
   * new assignments for staff who chose it (jobs/assignment-summary.ts).
   */
  jobs: [deadlinesJob, assignmentSummaryJob],
};
