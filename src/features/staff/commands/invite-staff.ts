import { audit } from "../../../core/audit/record.js";
import { findAccountByEmail } from "../../../core/auth/accounts.js";
import { issueToken, TOKEN_TTL_MS } from "../../../core/auth/tokens.js";
import { STAFF_ROLES, type StaffRole } from "../../../core/authz/actor.js";
import { type FieldErrors, fieldError, hasErrors, isEmail, type Result, text } from "../../../core/forms.js";
import { translator } from "../../../core/i18n/catalog.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import { ensureInvitee, type InviterContext, invitationLink } from "../invitations.js";
import { canStaff } from "../policy.js";
import { findStructure, hasActiveMembership } from "../queries.js";

export type InviteField = "email" | "displayName" | "role" | "structureId";
export type InviteInput = Partial<Record<InviteField, string>>;

export const NAME_MAX = 100;

/**
 * Invites someone to a role in a structure: creates their account when the email is unknown (with
 * no password yet), issues a single-use invitation and mails its link in the inviter's language.
 * The role itself is granted when the invitation is accepted.
 */
export async function inviteStaff(
  db: Db,
  input: InviteInput,
  context: InviterContext,
): Promise<Result<{ accountId: string; created: boolean }, InviteField>> {
  const email = text(input.email);
  const displayName = text(input.displayName);
  const role = text(input.role) as StaffRole;
  const errors: FieldErrors<InviteField> = {};

  if (!isEmail(email)) errors.email = fieldError("staff.errors.emailInvalid");
  const structure = await findStructure(db, text(input.structureId));
  if (!structure || structure.retiredAt || !canStaff(context.actor, "list", { structureId: structure.id }))
    errors.structureId = fieldError("staff.errors.structureRequired");
  if (!STAFF_ROLES.includes(role)) errors.role = fieldError("staff.errors.roleRequired");
  else if (
    structure &&
    !errors.structureId &&
    !canStaff(context.actor, "invite", { structureId: structure.id, role })
  )
    errors.role = fieldError("staff.errors.roleNotAllowed");

  const existing = errors.email ? null : await findAccountByEmail(db, email);
  if (!existing && (displayName.length === 0 || displayName.length > NAME_MAX))
    errors.displayName = fieldError("staff.errors.nameRequired", { max: NAME_MAX });
  if (
    existing &&
    structure &&
    !errors.role &&
    (await hasActiveMembership(db, existing.id, structure.id, role))
  )
    errors.email = fieldError("staff.errors.alreadyMember");
  if (hasErrors(errors) || !structure) return { ok: false, errors };

  const t = translator(context.locale);
  const structureName = pickLocalized(structure.name, context.locale).text;
  return db.transaction(async (tx) => {
    const invitee = await ensureInvitee(tx, { email, displayName, locale: context.locale });
    const token = await issueToken(tx, invitee.id, "invitation", {
      structureId: structure.id,
      role,
      invitedBy: context.actor.accountId,
    });
    await enqueueMail(tx, {
      to: email,
      subject: t("staff.mail.invitation.subject", { structure: structureName }),
      text: t("staff.mail.invitation.body", {
        inviter: context.actorName,
        role: t(`staff.roles.${role}`),
        structure: structureName,
        link: invitationLink(context.publicUrl, context.locale, token),
        days: TOKEN_TTL_MS.invitation / 86_400_000,
      }),
    });
    await audit(
      tx,
      {
        action: "membership.invite",
        subjectType: "account",
        subjectId: invitee.id,
        structureId: structure.id,
        details: { role, newAccount: invitee.created },
      },
      context.request,
      context.actor.accountId,
    );
    return { ok: true as const, value: { accountId: invitee.id, created: invitee.created } };
  });
}
