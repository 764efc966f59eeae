import { and, eq, gt, isNull, ne } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { notifyEach } from "../../core/notifications/notify.js";
import type { Db } from "../../db/client.js";
import { notices, subscriptions } from "./tables.js";

export interface Notice {
  kind: string;
  target: string;
  title: LocalizedText;
  /** Locale-relative path of the page it is about. */
  path: string;
  body?: string | null;
  /** Who caused it: not told of it. */
  actorId?: string | null;
}

/**
 * Announces news about something people may follow (kind + target, of a kind a manifest declares `followable`), in the
 * transaction that made it. Followers get it at once, in their daily or weekly digest, or only on
 * their subscriptions page, as they chose. With `quietMinutes`, nothing is announced when every
 * follower but its author already had news of the same thing that recently (a lively forum
 * thread does not flood anyone); returns whether it was announced.
 */
export async function publishNotice(
  db: Db,
  notice: Notice,
  options: { quietMinutes?: number } = {},
): Promise<boolean> {
  if (options.quietMinutes) {
    const since = new Date(Date.now() - options.quietMinutes * 60_000);
    const recent = await db
      .selectDistinct({ actorId: notices.actorId })
      .from(notices)
      .where(
        and(eq(notices.kind, notice.kind), eq(notices.target, notice.target), gt(notices.createdAt, since)),
      )
      .limit(2);
    // Who was left out of the recent news: nobody (several actors, or none), or its one actor.
    const toldAllBut = recent.length === 1 ? recent[0]!.actorId : undefined;
    if (recent.length > 1 || toldAllBut === null || (toldAllBut && toldAllBut === notice.actorId))
      return false;
  }
  await db.insert(notices).values(notice);
  // Every follower but its author finds it in their notification centre too, whatever their mails.
  const followers = await db
    .select({ id: subscriptions.accountId })
    .from(subscriptions)
    .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
    .where(
      and(
        eq(subscriptions.kind, notice.kind),
        eq(subscriptions.target, notice.target),
        isNull(accounts.deletedAt),
        notice.actorId ? ne(subscriptions.accountId, notice.actorId) : undefined,
      ),
    );
  await notifyEach(
    db,
    followers.map((f) => f.id),
    "followed-news",
    { params: { title: { text: notice.title } }, link: notice.path },
  );
  return true;
}
