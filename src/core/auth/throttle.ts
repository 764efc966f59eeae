import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { sha256 } from "./secrets.js";
import { signInThrottles } from "./tables.js";

/** Failures allowed before the back-off starts. */
export const FREE_FAILURES = 4;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

const keyFor = (email: string) => sha256(`sign-in:${email.trim().toLowerCase()}`);

/** Seconds until this email may try again, or 0. */
export async function signInWait(db: Db, email: string): Promise<number> {
  const [row] = await db
    .select()
    .from(signInThrottles)
    .where(eq(signInThrottles.key, keyFor(email)));
  if (!row?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((row.lockedUntil.getTime() - Date.now()) / 1000));
}

/**
 * Counts a failure. From the fifth in a row, the email is locked for 30 s, then twice as long
 * after each further failure, up to an hour. Returns the wait in seconds.
 */
export async function recordSignInFailure(db: Db, email: string): Promise<number> {
  const [row] = await db
    .insert(signInThrottles)
    .values({ key: keyFor(email), failures: 1 })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: { failures: sql`${signInThrottles.failures} + 1`, updatedAt: new Date() },
    })
    .returning();
  const failures = row?.failures ?? 1;
  if (failures <= FREE_FAILURES) return 0;
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1));
  await db
    .update(signInThrottles)
    .set({ lockedUntil: new Date(Date.now() + delay) })
    .where(eq(signInThrottles.key, keyFor(email)));
  return Math.ceil(delay / 1000);
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, keyFor(email)));
}
