import type { Db } from "../../../db/client.js";
import { findCurrentVersion } from "../queries.js";
import { ACCEPTED_AT_SIGN_UP, legalAcceptances } from "../tables.js";

export { ACCEPTED_AT_SIGN_UP };

/** Records that an account accepted the terms of use and the personal-data notice now in force. */
export async function recordAcceptance(db: Db, accountId: string): Promise<void> {
  for (const page of ACCEPTED_AT_SIGN_UP) {
    const version = await findCurrentVersion(db, page);
    if (version)
      await db.insert(legalAcceptances).values({ accountId, versionId: version.id }).onConflictDoNothing();
  }
}
