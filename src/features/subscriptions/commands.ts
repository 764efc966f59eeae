import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { NotificationKind } from "../../core/notifications/notify.js";
import type { Db } from "../../db/client.js";
import { type FollowableKind, followableKind } from "./followable.js";
import { deliveryFrequency, subscriberSettings, subscriptions } from "./tables.js";

export type Frequency = (typeof deliveryFrequency.enumValues)[number];
export const FREQUENCIES = deliveryFrequency.enumValues;
export type SubscriberSettings = typeof subscriberSettings.$inferSelect;

/** A person's mail preferences, created with the defaults (weekly digest, no newsletter) on first use. */
export async function settingsFor(db: Db, accountId: string): Promise<SubscriberSettings> {
  await db
    .insert(subscriberSettings)
    .values({ accountId, unsubscribeToken: randomBytes(24).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(subscriberSettings).where(eq(subscriberSettings.accountId, accountId));
  return row!;
}

/**
 * Saves the newsletter choice. The e-mail rhythm of news is chosen on the notification preferences
 * page only (digestChoice keeps it here, where the digests read it).
 */
export async function saveNewsletter(
  db: Db,
  accountId: string,
  input: { newsletter?: string },
): Promise<void> {
  await settingsFor(db, accountId);
  await db
    .update(subscriberSettings)
    .set({ newsletter: input.newsletter === "yes" })
    .where(eq(subscriberSettings.accountId, accountId));
}

/**
 * Follows something of one of `kinds` (every feature's followable kinds); false when the kind or the
 * target does not exist. Following twice is harmless.
 */
export async function follow(
  db: Db,
  kinds: readonly FollowableKind[],
  accountId: string,
  kind: string,
  target: string,
): Promise<boolean> {
  const followable = followableKind(kinds, kind);
  if (!followable || !(await followable.name(db, target))) return false;
  await addFollow(db, accountId, kind, target);
  return true;
}

/**
 * Follows something the caller knows exists (the author of an idea or a thread follows it, even
 * while it waits for moderation). Following twice is harmless.
 */
export async function addFollow(db: Db, accountId: string, kind: string, target: string): Promise<void> {
  await settingsFor(db, accountId);
  await db.insert(subscriptions).values({ accountId, kind, target }).onConflictDoNothing();
}

/** When an account is deleted: what it followed and its mail preferences go. */
export async function forgetSubscriber(db: Db, accountId: string): Promise<void> {
  await db.delete(subscriptions).where(eq(subscriptions.accountId, accountId));
  await db.delete(subscriberSettings).where(eq(subscriberSettings.accountId, accountId));
}

export async function unfollow(db: Db, accountId: string, kind: string, target: string): Promise<boolean> {
  const gone = await db
    .delete(subscriptions)
    .where(
      and(
        eq(subscriptions.accountId, accountId),
        eq(subscriptions.kind, kind),
        eq(subscriptions.target, target),
      ),
    )
    .returning({ id: subscriptions.id });
  return gone.length > 0;
}

/** One-click unsubscribe from newsletters (RFC 8058): the token is the only credential. */
export async function unsubscribeNewsletters(db: Db, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return false;
  const rows = await db
    .update(subscriberSettings)
    .set({ newsletter: false })
    .where(eq(subscriberSettings.unsubscribeToken, token))
    .returning({ accountId: subscriberSettings.accountId });
  return rows.length > 0;
}

/**
 * The e-mail part of a person's choice for news of what they follow, kept where the digests read
 * it: "never" is e-mail off (the rhythm shown is then the default, weekly).
 */
export const digestChoice: NonNullable<NotificationKind["stored"]> = {
  async read(db, accountId) {
    const { email } = await settingsFor(db, accountId);
    return email === "never" ? { email: false, frequency: "weekly" } : { email: true, frequency: email };
  },
  async save(db, accountId, choice) {
    await settingsFor(db, accountId);
    await db
      .update(subscriberSettings)
      .set({ email: choice.email ? choice.frequency : "never" })
      .where(eq(subscriberSettings.accountId, accountId));
  },
};
