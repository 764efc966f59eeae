import { findAccountByEmail } from "../../../core/auth/accounts.js";
import { hashSecret, verifySecret } from "../../../core/auth/secrets.js";
import { clearSignInFailures, recordSignInFailure, signInWait } from "../../../core/auth/throttle.js";
import type { Db } from "../../../db/client.js";

export type AuthenticateResult =
  | { ok: true; account: NonNullable<Awaited<ReturnType<typeof findAccountByEmail>>> }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; waitSeconds: number }
  | { ok: false; reason: "unverified"; accountId: string; email: string };

// Verified against when the email is unknown, so both cases take the same time.
const DUMMY_HASH = hashSecret("not a real password, only for timing");

/**
 * Checks an email and password. From the fifth failure in a row the address is locked with a
 * growing back-off; while locked, even the right password waits (and does not extend the lock).
 */
export async function authenticate(db: Db, email: string, password: string): Promise<AuthenticateResult> {
  const wait = await signInWait(db, email);
  if (wait > 0) return { ok: false, reason: "throttled", waitSeconds: wait };
  const account = await findAccountByEmail(db, email);
  const valid = await verifySecret(account?.passwordHash ?? (await DUMMY_HASH), password);
  if (!account?.passwordHash || !valid) {
    const waitSeconds = await recordSignInFailure(db, email);
    return waitSeconds > 0
      ? { ok: false, reason: "throttled", waitSeconds }
      : { ok: false, reason: "invalid" };
  }
  await clearSignInFailures(db, email);
  if (!account.emailVerifiedAt)
    return { ok: false, reason: "unverified", accountId: account.id, email: account.email! };
  return { ok: true, account };
}
