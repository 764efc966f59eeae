import { eq } from "drizzle-orm";
import { accountIdentities, accounts, sessions } from "../../../core/auth/tables.js";
import { memberships } from "../../../core/authz/tables.js";
import type { AccountExportPart } from "../../../core/personal-data/contracts.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { accountProfiles } from "../tables.js";

/** The account itself: its details, optional profile, e-ID links, sessions and staff roles. */
export async function exportOwnAccount(db: Db, accountId: string): Promise<AccountExportPart[]> {
  const account = await db
    .select({
      displayName: accounts.displayName,
      email: accounts.email,
      emailVerifiedAt: accounts.emailVerifiedAt,
      phone: accounts.phone,
      locale: accounts.locale,
      identityVerifiedAt: accounts.identityVerifiedAt,
      twoFactorSince: accounts.totpEnabledAt,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  const profile = await db
    .select({
      residence: accountProfiles.residence,
      ageBand: accountProfiles.ageBand,
      gender: accountProfiles.gender,
      consentedAt: accountProfiles.consentedAt,
    })
    .from(accountProfiles)
    .where(eq(accountProfiles.accountId, accountId));
  const identities = await db
    .select({
      issuer: accountIdentities.issuer,
      subject: accountIdentities.subject,
      linkedAt: accountIdentities.createdAt,
    })
    .from(accountIdentities)
    .where(eq(accountIdentities.accountId, accountId));
  const sessionRows = await db
    .select({
      device: sessions.device,
      persistent: sessions.persistent,
      startedAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(eq(sessions.accountId, accountId));
  const roles = await db
    .select({
      structure: structures.code,
      role: memberships.role,
      since: memberships.createdAt,
      revokedAt: memberships.revokedAt,
    })
    .from(memberships)
    .innerJoin(structures, eq(structures.id, memberships.structureId))
    .where(eq(memberships.accountId, accountId));
  return [
    { name: "account", rows: account },
    { name: "profile", rows: profile },
    { name: "e-id-links", rows: identities },
    { name: "sessions", rows: sessionRows },
    { name: "staff-roles", rows: roles },
  ];
}
