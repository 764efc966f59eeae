import type { FeatureManifest } from "../../core/manifest.js";
import { eidCallbackFeature, eidFeature } from "./index.js";
import { forgetLapsedSignInsJob } from "./pending.js";
import * as tables from "./tables.js";

/** Sign-in with the national eID (the provider's callback lives at the root). */
export const eidManifest: FeatureManifest = {
  name: "eid",
  routes: [
    { plugin: eidCallbackFeature, mount: "root" },
    { plugin: eidFeature, mount: "pages" },
  ],
  tables,
  jobs: [forgetLapsedSignInsJob],
};
