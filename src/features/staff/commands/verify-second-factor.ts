import type { KeyObject } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { accounts, sessions } from "../../../core/auth/tables.js";
import { clearSignInFailures, recordSignInFailure, signInWait } from "../../../core/auth/throttle.js";
import { spendRecoveryCode, useTotpCode } from "../../../core/auth/totp.js";
import { type FieldError, fieldError, text } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";

export type SecondFactorOutcome =
  | { ok: true; recoveryCodesLeft: number | null }
  /** `retryAfter`: seconds to wait, when wrong codes locked the account for a while. */
  | { ok: false; error: FieldError; retryAfter: number };

/** The throttle key for wrong codes: per account, apart from the password's. */
export const totpThrottleKey = (accountId: string) => `totp:${accountId}`;

/** "abcde12345" and "ABCDE-12345" both read as the recovery code "abcde-12345". */
function recoveryCode(value: string): string {
  const compact = value.replace(/[\s-]/g, "").toLowerCase();
  return /^[0-9a-f]{10}$/.test(compact) ? `${compact.slice(0, 5)}-${compact.slice(5)}` : value;
}

const throttled = (seconds: number): SecondFactorOutcome => ({
  ok: false,
  error: fieldError("staff.errors.codeThrottled", { seconds }),
  retryAfter: seconds,
});

/**
 * The second step of signing in: a 6-digit code from the app (each accepted once), or one of the
 * recovery codes (spent on use). Wrong codes count towards the same back-off as wrong passwords, under their own key.
 */
export async function verifySecondFactor(
  db: Db,
  secretKey: KeyObject,
  account: { id: string; totpSecret: string | null; recoveryCodeHashes: string[] },
  sessionId: string,
  input: { code?: string },
  context: { request?: FastifyRequest } = {},
): Promise<SecondFactorOutcome> {
  const key = totpThrottleKey(account.id);
  const wait = await signInWait(db, key);
  if (wait > 0) return throttled(wait);
  const code = text(input.code).replace(/\s/g, "");
  if (!code) return { ok: false, error: fieldError("staff.errors.codeRequired"), retryAfter: 0 };

  let recoveryCodesLeft: number | null = null;
  let valid = false;
  if (/^\d{6}$/.test(code)) {
    valid = await useTotpCode(db, secretKey, account, code);
  } else {
    const remaining = await spendRecoveryCode(account.recoveryCodeHashes, recoveryCode(code));
    if (remaining) {
      // Spend it only if no other request spent a code meanwhile (compare-and-set on the list).
      const rows = await db
        .update(accounts)
        .set({ recoveryCodeHashes: remaining })
        .where(
          and(
            eq(accounts.id, account.id),
            sql`${accounts.recoveryCodeHashes} = ${JSON.stringify(account.recoveryCodeHashes)}::jsonb`,
          ),
        )
        .returning({ id: accounts.id });
      valid = rows.length > 0;
      recoveryCodesLeft = remaining.length;
    }
  }
  if (!valid) {
    const seconds = await recordSignInFailure(db, key);
    if (seconds > 0) return throttled(seconds);
    return { ok: false, error: fieldError("staff.errors.codeWrong"), retryAfter: 0 };
  }
  await clearSignInFailures(db, key);
  await db
    .update(sessions)
    .set({ secondFactorAt: new Date() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.accountId, account.id)));
  if (recoveryCodesLeft !== null)
    await audit(
      db,
      {
        action: "account.recovery_code_use",
        subjectType: "account",
        subjectId: account.id,
        details: { left: recoveryCodesLeft },
      },
      context.request,
      account.id,
    );
  return { ok: true, recoveryCodesLeft };
}
