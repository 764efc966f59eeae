import type { FeatureManifest } from "../../core/manifest.js";
import { dataExportsJob } from "./data-export/exports.js";
import { exportOwnAccount } from "./data-export/own-data.js";
import { accountsFeature } from "./index.js";
import { accountRetention } from "./retention.js";
import * as tables from "./tables.js";

/** Sign-up, sign-in, the account page, second factors, "download my data". */
export const accountsManifest: FeatureManifest = {
  name: "accounts",
  routes: [{ plugin: accountsFeature, mount: "pages" }],
  tables,
  exportAccount: exportOwnAccount,
  retention: accountRetention,
  /** Prepares the copies of their data people ask for (data-export/exports.ts). */
  jobs: [dataExportsJob],
};
