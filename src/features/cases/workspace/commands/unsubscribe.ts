import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client.js";
import { cases } from "../../tables.js";
import { caseMailOptOuts } from "../tables.js";
import { readUnsubscribeToken } from "../unsubscribe-token.js";

/**
 * Stops the mails about a request to the address an unsubscribe link was made for. False when the
 * link is not genuine or the request is gone. Saying yes twice changes nothing.
 */
export async function unsubscribe(db: Db, secret: string, token: string): Promise<boolean> {
  const parsed = readUnsubscribeToken(secret, token);
  if (!parsed) return false;
  const [c] = await db.select({ id: cases.id }).from(cases).where(eq(cases.id, parsed.caseId));
  if (!c) return false;
  await db
    .insert(caseMailOptOuts)
    .values({ caseId: c.id, addressKey: parsed.addressKey })
    .onConflictDoNothing();
  return true;
}
