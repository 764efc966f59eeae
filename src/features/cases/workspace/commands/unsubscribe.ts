import { and, eq, isNull } from "drizzle-orm";
import { accounts } from "../../../../core/auth/tables.js";
import type { NotificationKind } from "../../../../core/notifications/notify.js";
import { turnEmailOff } from "../../../../core/notifications/preferences.js";
import type { Db } from "../../../../db/client.js";
import { caseNotificationKinds } from "../../notification-kinds.js";
import { cases } from "../../tables.js";
import { caseMailOptOuts } from "../tables.js";
import { readKindUnsubscribeToken, readUnsubscribeToken } from "../unsubscribe-token.js";

/**
 * What an unsubscribe link stops: the mails about one request to one address (someone who filed
 * without an account), or, for an account holder, the e-mails of one kind of news (their
 * notification preferences, which they can turn back on). Null when the link is not genuine.
 */
export type UnsubscribeTarget =
  | { kind: NotificationKind; accountId: string }
  | { caseId: string; addressKey: string };

/** Reads what a link would stop, without stopping it (opening the link only asks). */
export function unsubscribeTarget(secret: string, token: string): UnsubscribeTarget | null {
  const forAccount = readKindUnsubscribeToken(secret, token);
  if (forAccount) {
    const kind = caseNotificationKinds.find((k) => k.id === forAccount.kind);
    return kind ? { kind, accountId: forAccount.accountId } : null;
  }
  return readUnsubscribeToken(secret, token);
}

/**
 * Stops what an unsubscribe link was made for (unsubscribeTarget). Null when the link is not
 * genuine, or its request or account is gone. Saying yes twice changes nothing.
 */
export async function unsubscribe(db: Db, secret: string, token: string): Promise<UnsubscribeTarget | null> {
  const target = unsubscribeTarget(secret, token);
  if (!target) return null;
  if ("accountId" in target) {
    const [account] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, target.accountId), isNull(accounts.deletedAt)));
    if (!account) return null;
    await turnEmailOff(db, account.id, target.kind);
    return target;
  }
  const [c] = await db.select({ id: cases.id }).from(cases).where(eq(cases.id, target.caseId));
  if (!c) return null;
  await db
    .insert(caseMailOptOuts)
    .values({ caseId: c.id, addressKey: target.addressKey })
    .onConflictDoNothing();
  return target;
}
