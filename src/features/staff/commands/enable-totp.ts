import type { KeyObject } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { accounts, sessions } from "../../../core/auth/tables.js";
import { newRecoveryCodes, useTotpCode } from "../../../core/auth/totp.js";
import { fieldError, type Result, text } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";

/**
 * Turns TOTP on once a code from the person's app matches the pending secret: the current session
 * counts as verified, and ten recovery codes are made. The codes are returned once, to be shown
 * once; only their hashes are kept.
 */
export async function enableTotp(
  db: Db,
  secretKey: KeyObject,
  account: { id: string; totpSecret: string | null; totpEnabledAt: Date | null },
  sessionId: string,
  input: { code?: string },
  context: { request?: FastifyRequest } = {},
): Promise<Result<{ codes: string[] }, "code">> {
  const code = text(input.code);
  const secret = account.totpSecret;
  if (!code) return { ok: false, errors: { code: fieldError("staff.errors.codeRequired") } };
  if (account.totpEnabledAt || !secret || !(await useTotpCode(db, secretKey, account, code)))
    return { ok: false, errors: { code: fieldError("staff.errors.codeWrong") } };
  const { codes, hashes } = await newRecoveryCodes();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(accounts)
      .set({ totpEnabledAt: new Date(), recoveryCodeHashes: hashes })
      .where(
        and(eq(accounts.id, account.id), eq(accounts.totpSecret, secret), isNull(accounts.totpEnabledAt)),
      )
      .returning({ id: accounts.id });
    if (rows.length === 0) return { ok: false, errors: { code: fieldError("staff.errors.codeWrong") } };
    await tx
      .update(sessions)
      .set({ secondFactorAt: new Date() })
      .where(and(eq(sessions.id, sessionId), eq(sessions.accountId, account.id)));
    await audit(
      tx,
      { action: "account.totp_enable", subjectType: "account", subjectId: account.id },
      context.request,
      account.id,
    );
    return { ok: true as const, value: { codes } };
  });
}
