import type { FeatureManifest } from "../../core/manifest.js";
import { accountsFeature } from "./index.js";
import { accountRetention } from "./retention.js";
import * as tables from "./tables.js";

/** Sign-up, sign-in, the account page, second factors. */
export const accountsManifest: FeatureManifest = {
  name: "accounts",
  routes: [{ plugin: accountsFeature, mount: "pages" }],
  tables,
  retention: accountRetention,
};
