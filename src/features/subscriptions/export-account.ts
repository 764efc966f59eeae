import { eq } from "drizzle-orm";
import type { AccountExportPart } from "../../core/personal-data/contracts.js";
import type { Db } from "../../db/client.js";
import { subscriberSettings, subscriptions } from "./tables.js";

/** What a person follows and how they are told of it, for their data export (never the unsubscribe token). */
export async function exportSubscriberAccount(db: Db, accountId: string): Promise<AccountExportPart[]> {
  const follows = await db
    .select({ kind: subscriptions.kind, target: subscriptions.target, since: subscriptions.createdAt })
    .from(subscriptions)
    .where(eq(subscriptions.accountId, accountId));
  const settings = await db
    .select({
      emailFrequency: subscriberSettings.email,
      newsletter: subscriberSettings.newsletter,
      updatedAt: subscriberSettings.updatedAt,
    })
    .from(subscriberSettings)
    .where(eq(subscriberSettings.accountId, accountId));
  return [
    { name: "subscriptions", rows: follows },
    { name: "subscription-settings", rows: settings },
  ];
}
