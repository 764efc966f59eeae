import { eq } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import type { Db } from "../../db/client.js";
import { isUuid } from "../structures/commands/structure-fields.js";
import { governorates, structures } from "../structures/tables.js";
import { themes } from "./tables.js";

/**
 * What people can follow. Each kind names its targets and says what they are called; a feature
 * that publishes notices about its own records (consultations, ideas, forum threads) adds its
 * kind here, e.g. { kind: "consultation", name: (db, id) => its title }.
 */
export interface FollowableKind {
  kind: string;
  /** The target's name, or null when it does not exist (or may not be followed). */
  name(db: Db, target: string): Promise<LocalizedText | null>;
}

export const FOLLOWABLE: readonly FollowableKind[] = [
  {
    kind: "structure",
    async name(db, target) {
      if (!isUuid(target)) return null;
      const [row] = await db
        .select({ name: structures.name })
        .from(structures)
        .where(eq(structures.id, target));
      return row?.name ?? null;
    },
  },
  {
    kind: "governorate",
    async name(db, target) {
      const [row] = await db
        .select({ name: governorates.name })
        .from(governorates)
        .where(eq(governorates.code, target));
      return row?.name ?? null;
    },
  },
  {
    kind: "theme",
    async name(db, target) {
      const [row] = await db.select({ name: themes.name }).from(themes).where(eq(themes.code, target));
      return row?.name ?? null;
    },
  },
];

export function followableKind(kind: string): FollowableKind | undefined {
  return FOLLOWABLE.find((k) => k.kind === kind);
}
