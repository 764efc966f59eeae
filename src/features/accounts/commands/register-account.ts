import { findAccountByEmail } from "../../../core/auth/accounts.js";
import { hashSecret } from "../../../core/auth/secrets.js";
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
  toE164,
} from "../../../core/forms.js";
import type { Translate } from "../../../core/i18n/catalog.js";
import type { Locale } from "../../../core/i18n/localized.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import { isUniqueViolation } from "../../../db/errors.js";
import { recordAcceptance } from "../../legal/commands/record-acceptance.js";

export type SignUpField = "displayName" | "email" | "password" | "phone" | "terms";
export interface SignUpInput {
  displayName?: string;
  email?: string;
  password?: string;
  phone?: string;
  terms?: string;
}

export interface MailContext {
  t: Translate;
  locale: Locale;
  publicUrl: string;
}

export function validateSignUp(input: SignUpInput) {
  const errors: FieldErrors<SignUpField> = {};
  const displayName = text(input.displayName);
  const email = text(input.email);
  const password = input.password ?? "";
  const phoneText = text(input.phone);
  const phone = phoneText ? toE164(phoneText) : null;
  if (!displayName) errors.displayName = fieldError("accounts.errors.nameRequired");
  else if (displayName.length > 120)
    errors.displayName = fieldError("accounts.errors.nameLong", { max: 120 });
  if (!isEmail(email)) errors.email = fieldError("accounts.errors.emailInvalid");
  const problem = passwordProblem(password, email);
  if (problem) errors.password = problem;
  if (phoneText && !phone) errors.phone = fieldError("accounts.errors.phoneInvalid");
  if (input.terms !== "yes") errors.terms = fieldError("accounts.errors.termsRequired");
  return { errors, value: { displayName, email, password, phone } };
}

/**
 * Creates an unverified account, records the versions of the terms and the personal-data notice
 * it accepted, and mails the verification link. When the address already has an
 * account, that person is told by mail instead, and the answer is the same: the form never reveals
 * who has an account.
 */
export async function registerAccount(
  db: Db,
  input: SignUpInput,
  mail: MailContext,
): Promise<Result<{ email: string }, SignUpField>> {
  const { errors, value } = validateSignUp(input);
  if (hasErrors(errors)) return { ok: false, errors };
  const passwordHash = await hashSecret(value.password);
  try {
    await createOrWarn(db, value, passwordHash, mail);
  } catch (error) {
    // Two submissions of the same address at once: the second loses on the unique index, and
    // gets the same answer as the first.
    if (!isUniqueViolation(error)) throw error;
  }
  return { ok: true, value: { email: value.email } };
}

async function createOrWarn(
  db: Db,
  value: ReturnType<typeof validateSignUp>["value"],
  passwordHash: string,
  mail: MailContext,
) {
  await db.transaction(async (tx) => {
    const existing = await findAccountByEmail(tx, value.email);
    if (existing) {
      await enqueueMail(tx, {
        to: value.email,
        subject: mail.t("accounts.mail.alreadyRegistered.subject"),
        text: mail.t("accounts.mail.alreadyRegistered.body", {
          url: `${mail.publicUrl}/${mail.locale}/forgot-password`,
        }),
      });
      return;
    }
    const [account] = await tx
      .insert(accounts)
      .values({
        email: value.email,
        passwordHash,
        displayName: value.displayName,
        phone: value.phone,
        locale: mail.locale,
      })
      .returning({ id: accounts.id });
    await recordAcceptance(tx, account!.id);
    await sendVerification(tx, account!.id, value.email, mail);
  });
}

export async function sendVerification(db: Db, accountId: string, email: string, mail: MailContext) {
  const token = await issueToken(db, accountId, "verify_email");
  await enqueueMail(db, {
    to: email,
    subject: mail.t("accounts.mail.verify.subject"),
    text: mail.t("accounts.mail.verify.body", {
      url: `${mail.publicUrl}/${mail.locale}/verify-email/${token}`,
    }),
  });
}
