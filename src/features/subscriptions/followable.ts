import { eq } from "drizzle-orm";
import type { FollowableKind } from "../../core/features/contracts.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { themes } from "./tables.js";

export type { FollowableKind } from "../../core/features/contracts.js";

/**
 * What people can follow is what the features' manifests declare (`followable`: structures and
 * governorates, consultations, ideas, forum threads…); subscriptions own only the themes.
 */
export const themeFollowable: FollowableKind = {
  kind: "theme",
  async name(db, target) {
    const [row] = await db.select({ name: themes.name }).from(themes).where(eq(themes.code, target));
    return row?.name ?? null;
  },
};

/** A citizen's text (an idea's or a thread's title), in the language its script shows. */
export function plainText(text: string): LocalizedText {
  return /[\u0600-\u06FF]/.test(text) ? { ar: text } : { fr: text };
}

export function followableKind(kinds: readonly FollowableKind[], kind: string): FollowableKind | undefined {
  return kinds.find((k) => k.kind === kind);
}
