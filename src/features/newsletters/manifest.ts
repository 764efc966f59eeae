import type { FeatureManifest } from "../../core/manifest.js";
import { newslettersJob } from "./commands.js";

export const newslettersManifest: FeatureManifest = {
  name: "newsletters",
  /** Queues the newsletters being sent, batch by batch (commands.ts). */
  jobs: [newslettersJob],
};
