import { and, eq } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import type { Db } from "../../db/client.js";
import { consultations } from "../consultations/tables.js";
import { forumThreads } from "../forum/tables.js";
import { ideas } from "../ideas/tables.js";
import { isUuid } from "../structures/commands/structure-fields.js";
import { governorates, structures } from "../structures/tables.js";
import { themes } from "./tables.js";

/**
 * What people can follow. Each kind names its targets and says what they are called; a feature
 * that publishes notices about its own records (consultations, ideas, forum threads) adds its
 * kind here, and its follow button and its notices use the same kind (publishNotice).
 */
export interface FollowableKind {
  kind: string;
  /** The target's name, or null when it does not exist (or may not be followed). */
  name(db: Db, target: string): Promise<LocalizedText | null>;
  /** The locale-relative path of the target's page, for the subscriptions list to link to. */
  path?(target: string): string;
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
  {
    kind: "consultation",
    path: (target) => `/consultations/${target}`,
    async name(db, target) {
      if (!isUuid(target)) return null;
      const [row] = await db
        .select({ title: consultations.title })
        .from(consultations)
        .where(and(eq(consultations.id, target), eq(consultations.visibility, "published")));
      return row?.title ?? null;
    },
  },
  {
    kind: "idea",
    path: (target) => `/ideas/${target}`,
    async name(db, target) {
      if (!isUuid(target)) return null;
      const [row] = await db
        .select({ title: ideas.title })
        .from(ideas)
        .where(and(eq(ideas.id, target), eq(ideas.moderationState, "visible")));
      return row ? plainText(row.title) : null;
    },
  },
  {
    kind: "thread",
    path: (target) => `/forum/threads/${target}`,
    async name(db, target) {
      if (!isUuid(target)) return null;
      const [row] = await db
        .select({ title: forumThreads.title })
        .from(forumThreads)
        .where(and(eq(forumThreads.id, target), eq(forumThreads.moderationState, "visible")));
      return row ? plainText(row.title) : null;
    },
  },
];

/** A citizen's text (an idea's or a thread's title), in the language its script shows. */
export function plainText(text: string): LocalizedText {
  return /[\u0600-\u06FF]/.test(text) ? { ar: text } : { fr: text };
}

export function followableKind(kind: string): FollowableKind | undefined {
  return FOLLOWABLE.find((k) => k.kind === kind);
}
