import { eq } from "drizzle-orm";
import { findAccountByEmail } from "../../../core/auth/accounts.js";
import { hashSecret } from "../../../core/auth/secrets.js";
import { revokeOtherSessions } from "../../../core/auth/sessions.js";
import { accounts } from "../../../core/auth/tables.js";
import { clearSignInFailures } from "../../../core/auth/throttle.js";
import { consumeToken, issueToken, peekToken } from "../../../core/auth/tokens.js";
import { type FieldErrors, isEmail, passwordProblem, type Result, text } from "../../../core/forms.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import type { MailContext } from "./register-account.js";

/** Mails a one-hour, single-use reset link when the address has an account; the answer never says. */
export async function requestPasswordReset(
  db: Db,
  rawEmail: string | undefined,
  mail: MailContext,
): Promise<boolean> {
  const email = text(rawEmail);
  if (!isEmail(email)) return false;
  const account = await findAccountByEmail(db, email);
  if (account?.email) {
    const token = await issueToken(db, account.id, "reset_password");
    await enqueueMail(db, {
      to: account.email,
      subject: mail.t("accounts.mail.reset.subject"),
      text: mail.t("accounts.mail.reset.body", {
        url: `${mail.publicUrl}/${mail.locale}/reset-password/${token}`,
      }),
    });
  }
  return true;
}

export const isResetTokenUsable = async (db: Db, token: string) =>
  (await peekToken(db, "reset_password", token)) !== null;

/** Sets a new password from a reset link, ends every session, and lifts any sign-in back-off. */
export async function resetPassword(
  db: Db,
  token: string,
  password: string | undefined,
): Promise<Result<null, "password"> | { ok: false; expired: true }> {
  const problem = passwordProblem(password ?? "");
  if (problem) return { ok: false, errors: { password: problem } as FieldErrors<"password"> };
  const passwordHash = await hashSecret(password!);
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, "reset_password", token);
    if (!row) return { ok: false as const, expired: true as const };
    const [account] = await tx
      .update(accounts)
      .set({ passwordHash })
      .where(eq(accounts.id, row.accountId))
      .returning({ email: accounts.email });
    await revokeOtherSessions(tx, row.accountId);
    if (account?.email) await clearSignInFailures(tx, account.email);
    return { ok: true as const, value: null };
  });
}
