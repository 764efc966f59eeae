import { eq } from "drizzle-orm";
import { audit } from "../../../core/audit/record.js";
import { findAccountByEmail } from "../../../core/auth/accounts.js";
import { accounts } from "../../../core/auth/tables.js";
import { issueToken } from "../../../core/auth/tokens.js";
import { type FieldErrors, fieldError, hasErrors, isEmail, type Result, text } from "../../../core/forms.js";
import type { Locale } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { invitationLink } from "../invitations.js";
import { NAME_MAX } from "./invite-staff.js";

/**
 * For the operator (the CLI): makes an account a platform admin, creating it when the email is
 * unknown, and returns a one-time link where its owner sets a password and enrols TOTP, so no
 * password is ever typed on a command line. Audited as done by the system.
 */
export async function createAdmin(
  db: Db,
  input: { email?: string; name?: string; locale: Locale; publicUrl: string },
): Promise<Result<{ link: string; created: boolean; hasPassword: boolean }, "email" | "name">> {
  const email = text(input.email);
  const name = text(input.name);
  const errors: FieldErrors<"email" | "name"> = {};
  if (!isEmail(email)) errors.email = fieldError("staff.errors.emailInvalid");
  const existing = errors.email ? null : await findAccountByEmail(db, email);
  if (!existing && (name.length === 0 || name.length > NAME_MAX))
    errors.name = fieldError("staff.errors.nameRequired", { max: NAME_MAX });
  if (hasErrors(errors)) return { ok: false, errors };

  return db.transaction(async (tx) => {
    let accountId = existing?.id;
    if (!accountId) {
      const [row] = await tx
        .insert(accounts)
        .values({ email, displayName: name, locale: input.locale, isPlatformAdmin: true })
        .returning({ id: accounts.id });
      accountId = row!.id;
    } else if (!existing?.isPlatformAdmin) {
      await tx.update(accounts).set({ isPlatformAdmin: true }).where(eq(accounts.id, accountId));
    }
    if (!existing?.isPlatformAdmin)
      await audit(
        tx,
        {
          action: "platform_admin.grant",
          subjectType: "account",
          subjectId: accountId,
          details: { via: "cli", newAccount: !existing },
        },
        undefined,
        null,
      );
    const token = await issueToken(tx, accountId, "invitation", { platformAdmin: true, invitedBy: null });
    return {
      ok: true as const,
      value: {
        link: invitationLink(input.publicUrl, input.locale, token),
        created: !existing,
        hasPassword: Boolean(existing?.passwordHash),
      },
    };
  });
}
