import type { KeyObject } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { verifySecret } from "../../../core/auth/secrets.js";
import { accounts } from "../../../core/auth/tables.js";
import { recordSignInFailure, signInWait } from "../../../core/auth/throttle.js";
import { useTotpCode } from "../../../core/auth/totp.js";
import { fieldError, type Result } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { isStaffAccount } from "../queries.js";
import { totpThrottleKey } from "./verify-second-factor.js";

/**
 * Turns TOTP off for a citizen who confirms with their password (or, for an account that signs in
 * only through the e-ID, with a current code). Staff must keep it: their powers depend on it.
 */
export async function disableTotp(
  db: Db,
  secretKey: KeyObject,
  account: {
    id: string;
    isPlatformAdmin: boolean;
    passwordHash: string | null;
    totpSecret: string | null;
    totpEnabledAt: Date | null;
  },
  input: { password?: string },
  context: { request?: FastifyRequest } = {},
): Promise<Result<null, "password">> {
  if (!account.totpEnabledAt) return { ok: true, value: null };
  if (await isStaffAccount(db, account))
    return { ok: false, errors: { password: fieldError("staff.errors.staffKeepTotp") } };
  const key = totpThrottleKey(account.id);
  const wait = await signInWait(db, key);
  if (wait > 0)
    return { ok: false, errors: { password: fieldError("staff.errors.codeThrottled", { seconds: wait }) } };
  const given = input.password ?? "";
  const confirmed = account.passwordHash
    ? await verifySecret(account.passwordHash, given)
    : await useTotpCode(db, secretKey, account, given);
  if (!confirmed) {
    const seconds = await recordSignInFailure(db, key);
    const error =
      seconds > 0
        ? fieldError("staff.errors.codeThrottled", { seconds })
        : fieldError(account.passwordHash ? "staff.errors.passwordWrong" : "staff.errors.codeWrong");
    return { ok: false, errors: { password: error } };
  }
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: [] })
      .where(eq(accounts.id, account.id));
    await audit(
      tx,
      { action: "account.totp_disable", subjectType: "account", subjectId: account.id },
      context.request,
      account.id,
    );
  });
  return { ok: true, value: null };
}
