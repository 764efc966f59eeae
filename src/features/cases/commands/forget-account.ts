import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { caseFollowers, cases } from "../tables.js";

/**
 * When an account is deleted, in either mode: its requests stay (the structures' records and
 * statistics need them), but lose the name, address and phone they were filed with, so nothing more
 * is sent there; the requests it followed stop telling it anything.
 */
export async function forgetCaseAccount(db: Db, accountId: string): Promise<void> {
  await db
    .update(cases)
    .set({ contactName: null, contactEmail: null, contactPhone: null, contactAddress: null })
    .where(eq(cases.submitterId, accountId));
  await db.delete(caseFollowers).where(eq(caseFollowers.accountId, accountId));
}
