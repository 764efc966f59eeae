import { fixedPages } from "../../core/features/sitemap.js";
import type { FeatureManifest } from "../../core/manifest.js";
import { mixBallotsJob } from "./ballot-box.js";
import { seedDemoBudgets } from "./commands/seed-demo.js";
import { forgetBudgetAccount } from "./forget-account.js";
import { budgetsFeature } from "./index.js";
import { budgetModeration } from "./moderated.js";
import { budgetBallotsDataset, budgetResultsDataset } from "./open-data.js";
import { budgetScope } from "./policy.js";
import * as tables from "./tables.js";

export const budgetsManifest: FeatureManifest = {
  name: "budgets",
  routes: [{ plugin: budgetsFeature, mount: "pages" }],
  tables,
  sitemap: [fixedPages("budgets", "/budgets")],
  adminSections: [
    {
      id: "budgets",
      labelKey: "budgets.admin.nav",
      path: "/admin/budgets",
      order: 76,
      allowed: (actor) => {
        const scope = budgetScope(actor);
        return scope === "all" || scope.length > 0;
      },
    },
  ],
  datasets: [
    { dataset: budgetResultsDataset, apiPath: "/budget-results", order: 56 },
    { dataset: budgetBallotsDataset, apiPath: "/budget-ballots", order: 57 },
  ],
  moderation: budgetModeration,
  seedDemo: (db, files) => seedDemoBudgets(db, files),
  forgetAccount: forgetBudgetAccount,
  jobs: [mixBallotsJob],
};
