import type { FeatureManifest } from "../../core/manifest.js";
import { forgetCaseAccount } from "./commands/forget-account.js";
import { seedDemoCases } from "./commands/seed-demo-cases.js";
import { assignmentSummaryJob } from "./jobs/assignment-summary.js";
import { deadlinesJob } from "./jobs/deadlines.js";

export const casesManifest: FeatureManifest = {
  name: "cases",
  seedDemo: seedDemoCases,
  forgetAccount: (db, accountId) => forgetCaseAccount(db, accountId),
  /**
   * Reminders before the deadline, escalations after it (jobs/deadlines.ts); the daily summary of
   * new assignments for staff who chose it (jobs/assignment-summary.ts).
   */
  jobs: [deadlinesJob, assignmentSummaryJob],
};
