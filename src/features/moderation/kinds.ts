import { eq, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import type { ModerationState } from "./tables.js";

/** What the moderation module needs to know about one moderated item. */
export interface ModeratedItem {
  id: string;
  authorId: string | null;
  state: ModerationState;
  /** A short title (an idea's or a thread's), or null for comments and replies. */
  title: string | null;
  /** The text, as its author wrote it (shown escaped to moderators). */
  body: string;
  /** Locale-relative address where the item is seen ("/forum/threads/…#post-…"). */
  path: string;
  createdAt: Date;
}

/**
 * A type of public text that moderation looks after. Each content feature declares its kinds
 * (ideas: "idea" and "idea_comment"; forum: "forum_thread" and "forum_post"; consultations:
 * "consultation_comment") and app.ts hands the whole list to the moderation feature. To plug a new
 * kind in: give its table moderationColumns(); export `moderatedTable({ kind, labelKey, table,
 * present })` from the feature; add it to that list; run new posts through screenPosting() and
 * recordHold() in the transaction that stores them; show items through presence() (or the same
 * rule in SQL) with <Tombstone>, <HeldNotice> and <FlagLink kind id>.
 */
export interface ModeratedKind {
  /** Stable name stored in the moderation tables: lower-case letters and underscores. */
  kind: string;
  /** The i18n key naming this kind to moderators ("forum.moderation.post"), owned by the content feature. */
  labelKey: string;
  /** Loads items by id; ids that do not exist are simply missing from the map. */
  load(db: Db, ids: string[]): Promise<Map<string, ModeratedItem>>;
  /** Sets the item's moderation state and reason (hide, restore, hold, release). */
  setState(db: Db, id: string, state: ModerationState, reason: string | null): Promise<void>;
}

export class ModeratedKinds {
  private readonly byName: Map<string, ModeratedKind>;
  constructor(kinds: ModeratedKind[]) {
    this.byName = new Map(kinds.map((k) => [k.kind, k]));
  }
  get(kind: string): ModeratedKind | undefined {
    return this.byName.get(kind);
  }
  names(): string[] {
    return [...this.byName.keys()];
  }
  /** Loads one item of a registered kind, or null (unknown kind, forged id). */
  async loadOne(db: Db, kind: string, id: string): Promise<ModeratedItem | null> {
    const adapter = this.get(kind);
    if (!adapter || !UUID.test(id)) return null;
    return (await adapter.load(db, [id])).get(id) ?? null;
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A table of moderated text: an id and the moderationColumns(). */
type ModeratedTable = PgTable & {
  id: PgColumn;
  moderationState: PgColumn;
  moderationReason: PgColumn;
};

/**
 * The usual adapter: items are rows of one table carrying moderationColumns(); the content
 * feature only says how a row reads to moderators (`present`: author, title, body, address).
 */
export function moderatedTable<T extends ModeratedTable>(spec: {
  kind: string;
  labelKey: string;
  table: T;
  present: (row: T["$inferSelect"]) => Omit<ModeratedItem, "id" | "state">;
}): ModeratedKind {
  const { table } = spec;
  return {
    kind: spec.kind,
    labelKey: spec.labelKey,
    async load(db, ids) {
      const rows = ids.length
        ? await db
            .select()
            .from(table as ModeratedTable)
            .where(inArray(table.id, ids))
        : [];
      return new Map(
        rows.map((row) => {
          const r = row as T["$inferSelect"] & { id: string; moderationState: ModerationState };
          return [r.id, { id: r.id, state: r.moderationState, ...spec.present(r) }];
        }),
      );
    },
    async setState(db, id, state, reason) {
      await db
        .update(table as ModeratedTable)
        .set({ moderationState: state, moderationReason: reason } as never)
        .where(eq(table.id, id));
    },
  };
}
