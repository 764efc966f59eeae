import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { hashSecret } from "../../../core/auth/secrets.js";
import { accounts } from "../../../core/auth/tables.js";
import { consumeToken } from "../../../core/auth/tokens.js";
import { memberships } from "../../../core/authz/tables.js";
import { type FieldErrors, fieldError, hasErrors, passwordProblem, text } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { type Invitation, invitationPayload } from "../invitations.js";
import { NAME_MAX } from "./invite-staff.js";

export type AcceptField = "displayName" | "password";
export type AcceptInput = Partial<Record<AcceptField, string>>;

export type AcceptOutcome =
  | { status: "accepted"; accountId: string }
  /** The link was used, cancelled or has expired in the meantime. */
  | { status: "invalid" }
  | { status: "errors"; errors: FieldErrors<AcceptField> }
  /** The account has a password: its owner must be signed in to accept. */
  | { status: "sign_in_required" };

/**
 * Accepts an invitation: an account without a password gets its name and password (the link proves
 * the email address); then the role is granted (or the platform admin power). The token is spent
 * in the same transaction, so a link works once.
 */
export async function acceptInvitation(
  db: Db,
  invitation: Invitation,
  rawToken: string,
  input: AcceptInput,
  context: { signedInAccountId: string | null; request?: FastifyRequest },
): Promise<AcceptOutcome> {
  const { account } = invitation;
  const needsPassword = account.passwordHash === null;
  let passwordHash: string | null = null;
  let displayName = account.displayName;
  if (needsPassword) {
    const errors: FieldErrors<AcceptField> = {};
    displayName = text(input.displayName);
    if (displayName.length === 0 || displayName.length > NAME_MAX)
      errors.displayName = fieldError("staff.errors.nameRequired", { max: NAME_MAX });
    const problem = passwordProblem(input.password ?? "", account.email ?? undefined);
    if (problem) errors.password = problem;
    if (hasErrors(errors)) return { status: "errors", errors };
    passwordHash = await hashSecret(input.password!);
  } else if (context.signedInAccountId !== account.id) {
    return { status: "sign_in_required" };
  }

  return db.transaction(async (tx): Promise<AcceptOutcome> => {
    const token = await consumeToken(tx, "invitation", rawToken);
    const payload = token ? invitationPayload(token.payload) : null;
    if (!token || !payload || token.accountId !== account.id) return { status: "invalid" };
    if (passwordHash) {
      await tx
        .update(accounts)
        .set({ passwordHash, displayName, emailVerifiedAt: account.emailVerifiedAt ?? new Date() })
        .where(eq(accounts.id, account.id));
    }
    if (payload.kind === "platform_admin") {
      const promoted = await tx
        .update(accounts)
        .set({ isPlatformAdmin: true })
        .where(and(eq(accounts.id, account.id), eq(accounts.isPlatformAdmin, false)))
        .returning({ id: accounts.id });
      if (promoted.length > 0)
        await audit(
          tx,
          { action: "platform_admin.grant", subjectType: "account", subjectId: account.id },
          context.request,
          payload.invitedBy,
        );
      return { status: "accepted", accountId: account.id };
    }
    const [membership] = await tx
      .insert(memberships)
      .values({
        accountId: account.id,
        structureId: payload.structureId,
        role: payload.role,
        grantedBy: payload.invitedBy,
      })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (membership)
      await audit(
        tx,
        {
          action: "membership.grant",
          subjectType: "membership",
          subjectId: membership.id,
          structureId: payload.structureId,
          details: { role: payload.role, accountId: account.id },
        },
        context.request,
        payload.invitedBy,
      );
    return { status: "accepted", accountId: account.id };
  });
}
