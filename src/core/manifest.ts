import type { Db } from "../db/client.js";
import type { StaffRole } from "./authz/actor.js";
import type { FileStore } from "./files/store.js";
import type { JobDefinition } from "./jobs/job.js";

/** What a feature declares about itself to the rest of the platform (after Decidim's manifests). */
export interface FeatureManifest {
  name: string;
  /** Inserts the reference data every installation needs. Runs at each start, so it must be idempotent. */
  seedReference?(db: Db): Promise<void>;
  /**
   * Inserts realistic demo content in ar, fr and en. Runs once, on the first start of an empty
   * non-production database, with the installation's file store (for demo documents). Returns lines
   * to print (such as demo sign-in accounts).
   */
  seedDemo?(db: Db, files: FileStore): Promise<string[]>;
  /**
   * Called inside the transaction that deletes an account: the feature anonymises the person's
   * public contributions (kept, shown as "deleted account") or removes them, as they chose.
   */
  forgetAccount?(db: Db, accountId: string, mode: "anonymise" | "remove"): Promise<void>;
  /**
   * Called inside the transaction that revokes a staff role, after the revocation: the feature
   * withdraws what the role gave (the integrity channel re-seals report keys without the person).
   */
  membershipRevoked?(
    db: Db,
    membership: { accountId: string; structureId: string; role: StaffRole },
  ): Promise<void>;
  /** Periodic jobs (pg-boss queues with a cron schedule), started after the app listens. */
  jobs?: JobDefinition[];
}
