import { eq } from "drizzle-orm";
import { findAccountByEmail } from "../../../core/auth/accounts.js";
import type { Account } from "../../../core/auth/plugin.js";
import { hashSecret, verifySecret } from "../../../core/auth/secrets.js";
import { revokeOtherSessions } from "../../../core/auth/sessions.js";
import { accounts } from "../../../core/auth/tables.js";
import { issueToken } from "../../../core/auth/tokens.js";
import {
  type FieldErrors,
  fieldError,
  hasErrors,
  isEmail,
  passwordProblem,
  type Result,
  text,
} from "../../../core/forms.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import type { MailContext } from "./register-account.js";

async function passwordMatches(account: Account, password: string | undefined) {
  return account.passwordHash !== null && (await verifySecret(account.passwordHash, password ?? ""));
}

/**
 * Starts a change of address: the new address gets a link (it becomes the account's address only
 * once that link is opened), and the current address is told.
 */
export async function requestEmailChange(
  db: Db,
  account: Account,
  input: { email?: string; currentPassword?: string },
  mail: MailContext,
): Promise<Result<{ email: string }, "email" | "currentPassword">> {
  const email = text(input.email);
  const errors: FieldErrors<"email" | "currentPassword"> = {};
  if (!isEmail(email)) errors.email = fieldError("accounts.errors.emailInvalid");
  else if (email.toLowerCase() === account.email?.toLowerCase())
    errors.email = fieldError("accounts.errors.emailSame");
  if (!(await passwordMatches(account, input.currentPassword)))
    errors.currentPassword = fieldError("accounts.errors.passwordWrong");
  if (hasErrors(errors)) return { ok: false, errors };
  await db.transaction(async (tx) => {
    // Someone else's address: no link, and no hint either (the answer is the same).
    if (await findAccountByEmail(tx, email)) return;
    const token = await issueToken(tx, account.id, "change_email", { email });
    await enqueueMail(tx, {
      to: email,
      subject: mail.t("accounts.mail.changeEmail.subject"),
      text: mail.t("accounts.mail.changeEmail.body", {
        url: `${mail.publicUrl}/${mail.locale}/account/email/${token}`,
      }),
    });
    if (account.email) {
      await enqueueMail(tx, {
        to: account.email,
        subject: mail.t("accounts.mail.emailChangeRequested.subject"),
        text: mail.t("accounts.mail.emailChangeRequested.body"),
      });
    }
  });
  return { ok: true, value: { email } };
}

/** Changes the password after checking the current one, and ends every other session. */
export async function changePassword(
  db: Db,
  account: Account,
  sessionId: string,
  input: { currentPassword?: string; newPassword?: string },
): Promise<Result<null, "currentPassword" | "newPassword">> {
  const errors: FieldErrors<"currentPassword" | "newPassword"> = {};
  if (!(await passwordMatches(account, input.currentPassword)))
    errors.currentPassword = fieldError("accounts.errors.passwordWrong");
  const problem = passwordProblem(input.newPassword ?? "", account.email ?? undefined);
  if (problem) errors.newPassword = problem;
  if (hasErrors(errors)) return { ok: false, errors };
  const passwordHash = await hashSecret(input.newPassword!);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, account.id));
    await revokeOtherSessions(tx, account.id, sessionId);
  });
  return { ok: true, value: null };
}

export { passwordMatches };
