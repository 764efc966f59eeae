import { and, eq, isNull } from "drizzle-orm";
import { audit } from "../../../core/audit/record.js";
import type { Account } from "../../../core/auth/plugin.js";
import { accountIdentities, accounts, accountTokens, sessions } from "../../../core/auth/tables.js";
import { memberships } from "../../../core/authz/tables.js";
import { type FieldErrors, fieldError, hasErrors, type Result } from "../../../core/forms.js";
import { forgetRecipients } from "../../../core/mail/outbox.js";
import type { FeatureManifest } from "../../../core/manifest.js";
import type { Db } from "../../../db/client.js";
import { accountProfiles, dataExports } from "../tables.js";
import { passwordMatches } from "./change-credentials.js";

export type DeletionMode = "anonymise" | "remove";
export type DeleteField = "mode" | "confirm";

/**
 * Deletes an account for good, in one transaction: each of the app's features anonymises or removes the person's
 * public contributions as they chose; the account keeps only its id (so history stays consistent)
 * and loses every personal detail, session, token, role, profile and copy of their data; the outbox
 * forgets every mail and SMS to them (those waiting are never sent).
 */
export async function deleteAccount(
  db: Db,
  features: readonly FeatureManifest[],
  account: Account,
  input: { mode?: string; currentPassword?: string; confirm?: string },
): Promise<Result<null, DeleteField>> {
  const errors: FieldErrors<DeleteField> = {};
  if (input.mode !== "anonymise" && input.mode !== "remove")
    errors.mode = fieldError("accounts.errors.deleteModeRequired");
  // Accounts that sign in only through the e-ID have no password: they confirm by ticking instead.
  const confirmed = account.passwordHash
    ? await passwordMatches(account, input.confirm)
    : input.confirm === "yes";
  if (!confirmed)
    errors.confirm = fieldError(
      account.passwordHash ? "accounts.errors.passwordWrong" : "accounts.errors.confirmRequired",
    );
  if (hasErrors(errors)) return { ok: false, errors };
  const mode = input.mode as DeletionMode;
  await db.transaction(async (tx) => {
    for (const manifest of features) await manifest.forgetAccount?.(tx, account.id, mode);
    await tx.delete(sessions).where(eq(sessions.accountId, account.id));
    await tx.delete(accountTokens).where(eq(accountTokens.accountId, account.id));
    await tx.delete(accountIdentities).where(eq(accountIdentities.accountId, account.id));
    await tx.delete(accountProfiles).where(eq(accountProfiles.accountId, account.id));
    await tx.delete(dataExports).where(eq(dataExports.accountId, account.id));
    // Nothing more is sent to them, and the outbox keeps no mail or SMS that was.
    await forgetRecipients(tx, [account.email, account.phone]);
    await tx
      .update(memberships)
      .set({ revokedAt: new Date(), revokedBy: account.id })
      .where(and(eq(memberships.accountId, account.id), isNull(memberships.revokedAt)));
    await tx
      .update(accounts)
      .set({
        email: null,
        emailVerifiedAt: null,
        passwordHash: null,
        displayName: "",
        phone: null,
        totpSecret: null,
        totpEnabledAt: null,
        recoveryCodeHashes: [],
        isPlatformAdmin: false,
        identityVerifiedAt: null,
        deletedAt: new Date(),
      })
      .where(eq(accounts.id, account.id));
    await audit(
      tx,
      { action: "account.delete", subjectType: "account", subjectId: account.id, details: { mode } },
      undefined,
      account.id,
    );
  });
  return { ok: true, value: null };
}
