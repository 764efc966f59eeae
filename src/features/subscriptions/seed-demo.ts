import { eq } from "drizzle-orm";
import { findAccountByEmail } from "../../core/auth/accounts.js";
import type { Db } from "../../db/client.js";
import { addFollow, settingsFor } from "./commands.js";
import { subscriberSettings } from "./tables.js";

/** The demo citizen follows Tunis and public participation, weekly, and takes the newsletters. */
export async function seedDemoSubscriptions(db: Db): Promise<string[]> {
  const citizen = await findAccountByEmail(db, "citizen@demo.sharek.tn");
  if (!citizen) return [];
  await settingsFor(db, citizen.id);
  await db
    .update(subscriberSettings)
    .set({ newsletter: true })
    .where(eq(subscriberSettings.accountId, citizen.id));
  // The reference data holds both targets: no need to look their kinds up.
  await addFollow(db, citizen.id, "governorate", "TN-11");
  await addFollow(db, citizen.id, "theme", "participation");
  return [];
}
