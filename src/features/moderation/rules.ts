import { eq, sql } from "drizzle-orm";
import { platformSettings } from "../../core/settings/tables.js";
import type { Db } from "../../db/client.js";

/** The automatic hold's settings, which platform admins change at /admin/moderation. */
export interface ModerationRules {
  /** Posts with a link from accounts younger than this many days are held. */
  newAccountDays: number;
  /** Words and phrases (any of ar/fr/en) that hold a post, matched after Arabic normalisation. */
  words: string[];
  /** More than burstMax posts within burstMinutes holds the next ones. */
  burstMax: number;
  burstMinutes: number;
}

export const RULES_KEY = "moderation.rules";
export const DEFAULT_RULES: ModerationRules = { newAccountDays: 3, words: [], burstMax: 5, burstMinutes: 10 };
export const LIMITS = {
  newAccountDays: [0, 365],
  burstMax: [1, 1000],
  burstMinutes: [1, 1440],
  words: 500,
  wordLength: 80,
} as const;

const inRange = (value: unknown, [min, max]: readonly [number, number]) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** The stored rules; anything missing or malformed reads as its default. */
export async function getModerationRules(db: Db): Promise<ModerationRules> {
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, RULES_KEY));
  const v = (row?.value ?? {}) as Partial<Record<keyof ModerationRules, unknown>>;
  return {
    newAccountDays: inRange(v.newAccountDays, LIMITS.newAccountDays)
      ? (v.newAccountDays as number)
      : DEFAULT_RULES.newAccountDays,
    words: Array.isArray(v.words) ? v.words.filter((w): w is string => typeof w === "string") : [],
    burstMax: inRange(v.burstMax, LIMITS.burstMax) ? (v.burstMax as number) : DEFAULT_RULES.burstMax,
    burstMinutes: inRange(v.burstMinutes, LIMITS.burstMinutes)
      ? (v.burstMinutes as number)
      : DEFAULT_RULES.burstMinutes,
  };
}

export async function saveModerationRules(db: Db, rules: ModerationRules): Promise<void> {
  await db
    .insert(platformSettings)
    .values({ key: RULES_KEY, value: rules })
    .onConflictDoUpdate({ target: platformSettings.key, set: { value: rules, updatedAt: sql`now()` } });
}
