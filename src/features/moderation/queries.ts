import { and, asc, count, eq, isNotNull, isNull } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import type { Db } from "../../db/client.js";
import type { ModeratedItem, ModeratedKinds } from "./kinds.js";
import { activeBlock } from "./screen.js";
import { moderationActions, moderationFlags, moderationItems } from "./tables.js";

export const QUEUE_PAGE = 50;

export interface QueueEntry {
  kind: string;
  item: ModeratedItem;
  openFlags: number;
  holdCause: string | null;
  pendingSince: Date;
}

/** The moderators' queue: what awaits a decision, oldest first, with the count of each kind. */
export async function listQueue(db: Db, kinds: ModeratedKinds, kind?: string) {
  const pending = isNotNull(moderationItems.pendingSince);
  const [rows, counts] = await Promise.all([
    db
      .select()
      .from(moderationItems)
      .where(and(pending, kind ? eq(moderationItems.kind, kind) : undefined))
      .orderBy(asc(moderationItems.pendingSince), asc(moderationItems.itemId))
      .limit(QUEUE_PAGE),
    db
      .select({ kind: moderationItems.kind, n: count() })
      .from(moderationItems)
      .where(pending)
      .groupBy(moderationItems.kind),
  ]);
  const loaded = new Map<string, Map<string, ModeratedItem>>();
  for (const name of new Set(rows.map((r) => r.kind))) {
    const adapter = kinds.get(name);
    if (adapter)
      loaded.set(
        name,
        await adapter.load(
          db,
          rows.filter((r) => r.kind === name).map((r) => r.itemId),
        ),
      );
  }
  const entries: QueueEntry[] = [];
  for (const r of rows) {
    const item = loaded.get(r.kind)?.get(r.itemId);
    if (item)
      entries.push({
        kind: r.kind,
        item,
        openFlags: r.openFlags,
        holdCause: r.holdCause,
        pendingSince: r.pendingSince!,
      });
  }
  const byKind = Object.fromEntries(counts.map((c) => [c.kind, c.n])) as Record<string, number>;
  return { entries, counts: byKind, total: counts.reduce((sum, c) => sum + c.n, 0) };
}

/** An item's open flags, its moderation history and its author's standing, for the decision page. */
export async function findCaseFile(db: Db, kind: string, item: ModeratedItem) {
  const [flags, history, author, pending] = await Promise.all([
    db
      .select({
        reason: moderationFlags.reason,
        note: moderationFlags.note,
        createdAt: moderationFlags.createdAt,
      })
      .from(moderationFlags)
      .where(
        and(
          eq(moderationFlags.kind, kind),
          eq(moderationFlags.itemId, item.id),
          isNull(moderationFlags.settledAt),
        ),
      )
      .orderBy(asc(moderationFlags.createdAt)),
    db
      .select({
        action: moderationActions.action,
        reason: moderationActions.reason,
        createdAt: moderationActions.createdAt,
        moderator: accounts.displayName,
      })
      .from(moderationActions)
      .leftJoin(accounts, eq(accounts.id, moderationActions.moderatorId))
      .where(and(eq(moderationActions.kind, kind), eq(moderationActions.itemId, item.id)))
      .orderBy(asc(moderationActions.createdAt)),
    item.authorId
      ? db
          .select({ id: accounts.id, name: accounts.displayName, createdAt: accounts.createdAt })
          .from(accounts)
          .where(eq(accounts.id, item.authorId))
          .then((r) => r[0] ?? null)
      : null,
    db
      .select({ holdCause: moderationItems.holdCause })
      .from(moderationItems)
      .where(
        and(
          eq(moderationItems.kind, kind),
          eq(moderationItems.itemId, item.id),
          isNotNull(moderationItems.pendingSince),
        ),
      ),
  ]);
  const blockedUntil = author ? await activeBlock(db, author.id) : null;
  return { flags, history, author, blockedUntil, holdCause: pending[0]?.holdCause ?? null };
}
