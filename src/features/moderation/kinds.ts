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
 * (ideas: "idea" and "idea_comment"; forum: "forum_thread" and "forum_post") and app.ts hands the
 * whole list to the moderation feature. The item's table carries moderationColumns().
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
