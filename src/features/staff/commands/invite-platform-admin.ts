import { audit } from "../../../core/audit/record.js";
import { findAccountByEmail } from "../../../core/auth/accounts.js";
import { issueToken, TOKEN_TTL_MS } from "../../../core/auth/tokens.js";
import { type FieldErrors, fieldError, hasErrors, isEmail, type Result, text } from "../../../core/forms.js";
import { translator } from "../../../core/i18n/catalog.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import { ensureInvitee, type InviterContext, invitationLink } from "../invitations.js";
import { canPlatformAdmins } from "../policy.js";
import { NAME_MAX } from "./invite-staff.js";

export type AdminInviteField = "email" | "displayName" | "confirm";
export type AdminInviteInput = Partial<Record<AdminInviteField, string>>;

/**
 * Invites someone to become a platform admin (every structure, the audit log, the settings). The
 * power is given only when they accept, and counts only once they have enrolled TOTP.
 */
export async function invitePlatformAdmin(
  db: Db,
  input: AdminInviteInput,
  context: InviterContext,
): Promise<Result<{ accountId: string }, AdminInviteField>> {
  if (!canPlatformAdmins(context.actor, "grant")) return { ok: false, errors: {} };
  const email = text(input.email);
  const displayName = text(input.displayName);
  const errors: FieldErrors<AdminInviteField> = {};
  if (!isEmail(email)) errors.email = fieldError("staff.errors.emailInvalid");
  const existing = errors.email ? null : await findAccountByEmail(db, email);
  if (existing?.isPlatformAdmin) errors.email = fieldError("staff.errors.alreadyAdmin");
  if (!existing && (displayName.length === 0 || displayName.length > NAME_MAX))
    errors.displayName = fieldError("staff.errors.nameRequired", { max: NAME_MAX });
  if (text(input.confirm) !== "yes") errors.confirm = fieldError("staff.errors.confirmAdmin");
  if (hasErrors(errors)) return { ok: false, errors };

  const t = translator(context.locale);
  return db.transaction(async (tx) => {
    const invitee = await ensureInvitee(tx, { email, displayName, locale: context.locale });
    const token = await issueToken(tx, invitee.id, "invitation", {
      platformAdmin: true,
      invitedBy: context.actor.accountId,
    });
    await enqueueMail(tx, {
      to: email,
      subject: t("staff.mail.adminInvitation.subject"),
      text: t("staff.mail.adminInvitation.body", {
        inviter: context.actorName,
        link: invitationLink(context.publicUrl, context.locale, token),
        days: TOKEN_TTL_MS.invitation / 86_400_000,
      }),
    });
    await audit(
      tx,
      {
        action: "platform_admin.invite",
        subjectType: "account",
        subjectId: invitee.id,
        details: { newAccount: invitee.created },
      },
      context.request,
      context.actor.accountId,
    );
    return { ok: true as const, value: { accountId: invitee.id } };
  });
}
