import { eq, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { ModeratedItem, ModeratedKind } from "../../core/features/contracts.js";
import { isUuid } from "../../core/ids.js";
import type { Db } from "../../db/client.js";
import type { ModerationState } from "./tables.js";

/*
 * A type of public text that moderation looks after. Each content feature declares its kinds in
 * its manifest (`moderation`: ideas "idea" and "idea_comment"; forum "forum_thread" and
 * "forum_post"; consultations "consultation_comment"), and the moderation feature reads them from
 * the feature list. To plug a new kind in: give its table moderationColumns(); declare
 * `moderatedTable({ kind, labelKey, table, present })` in the feature's manifest; run new posts
 * through screenPosting() and recordHold() in the transaction that stores them; show items through
 * presence() (or the same rule in SQL) with <Tombstone>, <HeldNotice> and <FlagLink kind id>.
 * The contracts (ModeratedKind, ModeratedItem) live in core so features need not import this one.
 */
export type { ModeratedItem, ModeratedKind } from "../../core/features/contracts.js";

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
    if (!adapter || !isUuid(id)) return null;
    return (await adapter.load(db, [id])).get(id) ?? null;
  }
}

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
