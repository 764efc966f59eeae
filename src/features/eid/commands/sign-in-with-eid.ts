import { and, eq, isNull, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import type { Account } from "../../../core/auth/plugin.js";
import { accountIdentities, accounts, accountTokens, sessions } from "../../../core/auth/tables.js";
import type { Locale } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { isUniqueViolation } from "../../../db/errors.js";
import { recordAcceptance } from "../../legal/commands/record-acceptance.js";
import { needsAcceptance } from "../../legal/queries.js";
import type { EidClaims } from "../oidc-client.js";

export type EidOutcome = "known" | "linked" | "created";

export interface EidSignInContext {
  locale: Locale;
  /** Shown when the provider gives no name at all. */
  fallbackName: string;
  /** The HTTP request, for the audit log's request id. */
  request?: FastifyRequest;
  /**
   * Whether the person has just accepted the terms of use and the personal-data notice in force.
   * Without it, nothing is created or changed for a person who would need to accept them.
   */
  accepted: boolean;
}

export type EidSignIn =
  | { status: "signedIn"; account: Account; outcome: EidOutcome }
  /** The person must first accept the terms: nothing was written. */
  | { status: "mustAccept"; existingAccount: boolean };

/**
 * Finds or makes the account for a person the e-ID vouched for, and marks it identity verified:
 * - an identity seen before (issuer + subject) signs in to its account;
 * - otherwise an account with the same email is linked, but only when the provider says it verified
 *   that email (an unverified claim must never open someone else's account) and the account had
 *   verified it too. An account whose address was never confirmed may be someone else's
 *   registration with this person's address: it gives the address up (and with it its password,
 *   TOTP, sessions and links, so nobody can enter it again), and the person gets a new account;
 * - otherwise a new account is created, without a password. An unverified email is not stored
 *   either, so nobody can reserve another person's address through a provider that does not check
 *   it; the person can add and verify an email later.
 *
 * Nobody gets an account, or a session through the e-ID, without an acceptance of the terms of use
 * and the personal-data notice on record: unless `context.accepted`, a person who would get a new
 * account, or whose account has none on record, gets `mustAccept` and nothing is written (not even
 * the shutting of an unverified account). With `context.accepted`, the versions in force are
 * recorded for the account in the same transaction.
 */
export async function signInWithEid(
  db: Db,
  claims: EidClaims,
  context: EidSignInContext,
): Promise<EidSignIn> {
  try {
    return await findOrCreate(db, claims, context);
  } catch (error) {
    // The same person finishing two flows at once: the second loses on a unique index, and on a
    // second try finds what the first created.
    if (!isUniqueViolation(error)) throw error;
    return findOrCreate(db, claims, context);
  }
}

async function findOrCreate(db: Db, claims: EidClaims, context: EidSignInContext): Promise<EidSignIn> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const known = await findByIdentity(tx, claims);
    const live = known && !known.deletedAt ? known : undefined;
    const sameEmail =
      !live && claims.email && claims.emailVerified ? await findByEmail(tx, claims.email) : undefined;
    const existing = live ?? (sameEmail?.emailVerifiedAt ? sameEmail : undefined);
    if (!context.accepted && (!existing || (await needsAcceptance(tx, existing.id))))
      return { status: "mustAccept" as const, existingAccount: Boolean(existing) };

    if (live) {
      const account = await markVerified(tx, live.id, now);
      if (context.accepted) await recordAcceptance(tx, account.id);
      return { status: "signedIn" as const, account, outcome: "known" as const };
    }
    // A deleted account's old link no longer means anything: the person starts afresh.
    if (known) await tx.delete(accountIdentities).where(identityIs(claims));

    if (sameEmail && !sameEmail.emailVerifiedAt) await shutUnverified(tx, sameEmail.id, context);
    let account: Account;
    let outcome: EidOutcome;
    if (sameEmail?.emailVerifiedAt) {
      account = await markVerified(tx, sameEmail.id, now);
      outcome = "linked";
    } else {
      const email = claims.email && claims.emailVerified ? claims.email : null;
      const [created] = await tx
        .insert(accounts)
        .values({
          email,
          emailVerifiedAt: email ? now : null,
          displayName: claims.name ?? context.fallbackName,
          locale: context.locale,
          identityVerifiedAt: now,
        })
        .returning();
      account = created!;
      outcome = "created";
    }
    await tx
      .insert(accountIdentities)
      .values({ accountId: account.id, issuer: claims.issuer, subject: claims.subject });
    if (context.accepted) await recordAcceptance(tx, account.id);
    await audit(
      tx,
      {
        action: outcome === "linked" ? "account.eid_link" : "account.eid_create",
        subjectType: "account",
        subjectId: account.id,
        details: { issuer: claims.issuer },
      },
      context.request,
      account.id,
    );
    return { status: "signedIn" as const, account, outcome };
  });
}

const identityIs = (claims: EidClaims) =>
  and(eq(accountIdentities.issuer, claims.issuer), eq(accountIdentities.subject, claims.subject));

async function findByIdentity(db: Db, claims: EidClaims): Promise<Account | undefined> {
  const [row] = await db
    .select({ account: accounts })
    .from(accountIdentities)
    .innerJoin(accounts, eq(accounts.id, accountIdentities.accountId))
    .where(identityIs(claims))
    .limit(1);
  return row?.account;
}

async function findByEmail(db: Db, email: string): Promise<Account | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(sql`lower(${accounts.email}) = lower(${email})`, isNull(accounts.deletedAt)))
    .limit(1);
  return row;
}

/** Takes the address, and every way in, from an account that never confirmed its address. */
async function shutUnverified(db: Db, accountId: string, context: EidSignInContext): Promise<void> {
  await db
    .update(accounts)
    .set({ email: null, passwordHash: null, totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: [] })
    .where(eq(accounts.id, accountId));
  await db.delete(sessions).where(eq(sessions.accountId, accountId));
  await db.delete(accountTokens).where(eq(accountTokens.accountId, accountId));
  await audit(
    db,
    { action: "account.eid_unverified_shut", subjectType: "account", subjectId: accountId },
    context.request,
    null,
  );
}

async function markVerified(db: Db, accountId: string, now: Date): Promise<Account> {
  const [account] = await db
    .update(accounts)
    .set({ identityVerifiedAt: now })
    .where(eq(accounts.id, accountId))
    .returning();
  return account!;
}
