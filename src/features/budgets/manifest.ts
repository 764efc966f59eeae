import type { FeatureManifest } from "../../core/manifest.js";
import * as tables from "./tables.js";

export const budgetsManifest: FeatureManifest = {
  name: "budgets",
  tables,
};
