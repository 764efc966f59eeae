import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type FollowableKind, followableKind } from "./followable.js";
import { notices, subscriptions, themes } from "./tables.js";

export async function listThemes(db: Db) {
  return db.select().from(themes).orderBy(asc(themes.position));
}

/** Whether a person follows something. */
export async function isFollowing(
  db: Db,
  accountId: string | null | undefined,
  kind: string,
  target: string,
): Promise<boolean> {
  if (!accountId) return false;
  const [row] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.accountId, accountId),
        eq(subscriptions.kind, kind),
        eq(subscriptions.target, target),
      ),
    );
  return Boolean(row);
}

/** What a person follows, with each target's name (targets gone since are left out). */
export async function listFollows(db: Db, kinds: readonly FollowableKind[], accountId: string) {
  const rows = await db
    .select({ kind: subscriptions.kind, target: subscriptions.target })
    .from(subscriptions)
    .where(eq(subscriptions.accountId, accountId))
    .orderBy(asc(subscriptions.kind), asc(subscriptions.createdAt));
  const named = [];
  for (const row of rows) {
    const kind = followableKind(kinds, row.kind);
    const name = await kind?.name(db, row.target);
    if (name) named.push({ ...row, name, path: kind?.path?.(row.target) ?? null });
  }
  return named;
}

/** The site channel: the latest news about what a person follows. */
export async function listNewsFor(db: Db, accountId: string, limit = 20) {
  return db
    .selectDistinctOn([notices.createdAt, notices.id], {
      id: notices.id,
      title: notices.title,
      path: notices.path,
      createdAt: notices.createdAt,
    })
    .from(notices)
    .innerJoin(
      subscriptions,
      and(eq(subscriptions.kind, notices.kind), eq(subscriptions.target, notices.target)),
    )
    .where(and(eq(subscriptions.accountId, accountId), sql`${notices.actorId} is distinct from ${accountId}`))
    .orderBy(desc(notices.createdAt), notices.id)
    .limit(limit);
}
