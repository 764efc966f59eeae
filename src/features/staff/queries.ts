import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accounts, accountTokens } from "../../core/auth/tables.js";
import type { StaffRole } from "../../core/authz/actor.js";
import { memberships } from "../../core/authz/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { isUuid } from "../../core/ids.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";

export async function findAccount(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), isNull(accounts.deletedAt)));
  return row ?? null;
}

/** Whether an account holds staff powers (platform admin or a live role), enrolled or not. */
export async function isStaffAccount(db: Db, account: { id: string; isPlatformAdmin: boolean }) {
  if (account.isPlatformAdmin) return true;
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.accountId, account.id), isNull(memberships.revokedAt)));
  return (row?.n ?? 0) > 0;
}

export interface StructureOption {
  id: string;
  code: string;
  name: LocalizedText;
}

/** The live structures in a staff scope ("all" for platform admins). */
export async function listScopeStructures(db: Db, scope: "all" | string[]): Promise<StructureOption[]> {
  if (scope !== "all" && scope.length === 0) return [];
  return db
    .select({ id: structures.id, code: structures.code, name: structures.name })
    .from(structures)
    .where(and(isNull(structures.retiredAt), scope === "all" ? undefined : inArray(structures.id, scope)))
    .orderBy(asc(structures.code));
}

export async function findStructure(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(structures).where(eq(structures.id, id));
  return row ?? null;
}

const grantee = alias(accounts, "grantee");
const granter = alias(accounts, "granter");

export const STAFF_PAGE_SIZE = 50;

/** Live memberships in these structures, newest first, with who holds and who granted each. */
export async function listMemberships(db: Db, structureIds: "all" | string[], page = 1) {
  // An empty scope matches nothing (inArray with no values is "false").
  const where = and(
    isNull(memberships.revokedAt),
    structureIds === "all" ? undefined : inArray(memberships.structureId, structureIds),
  );
  const [total] = await db.select({ n: count() }).from(memberships).where(where);
  const rows = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      since: memberships.createdAt,
      accountId: grantee.id,
      name: grantee.displayName,
      email: grantee.email,
      grantedBy: granter.displayName,
      structureId: structures.id,
      structureName: structures.name,
    })
    .from(memberships)
    .innerJoin(grantee, eq(grantee.id, memberships.accountId))
    .innerJoin(structures, eq(structures.id, memberships.structureId))
    .leftJoin(granter, eq(granter.id, memberships.grantedBy))
    .where(where)
    .orderBy(desc(memberships.createdAt), desc(memberships.id))
    .limit(STAFF_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * STAFF_PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

export type MembershipRow = Awaited<ReturnType<typeof listMemberships>>["rows"][number];

/** The structure an invitation token's payload names (as text, for filters and joins). */
const invitedStructure = sql<string>`${accountTokens.payload}->>'structureId'`;

/** Invitations not yet accepted, cancelled or expired, in these structures. */
export async function listPendingInvitations(db: Db, structureIds: "all" | string[]) {
  return db
    .select({
      id: accountTokens.id,
      email: grantee.email,
      name: grantee.displayName,
      role: sql<StaffRole>`${accountTokens.payload}->>'role'`,
      structureId: structures.id,
      structureName: structures.name,
      invitedBy: granter.displayName,
      expiresAt: accountTokens.expiresAt,
    })
    .from(accountTokens)
    .innerJoin(grantee, eq(grantee.id, accountTokens.accountId))
    .innerJoin(structures, sql`${structures.id}::text = ${invitedStructure}`)
    .leftJoin(granter, sql`${granter.id}::text = ${accountTokens.payload}->>'invitedBy'`)
    .where(
      and(
        eq(accountTokens.purpose, "invitation"),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, new Date()),
        structureIds === "all" ? undefined : inArray(invitedStructure, structureIds),
      ),
    )
    .orderBy(desc(accountTokens.createdAt));
}

/** A live, pending invitation by its id (to cancel it). */
export async function findPendingInvitation(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.id, id),
        eq(accountTokens.purpose, "invitation"),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/** A live membership with the names a confirmation page shows. */
export async function findMembership(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      since: memberships.createdAt,
      accountId: memberships.accountId,
      name: grantee.displayName,
      email: grantee.email,
      structureId: memberships.structureId,
      structureName: structures.name,
    })
    .from(memberships)
    .innerJoin(grantee, eq(grantee.id, memberships.accountId))
    .innerJoin(structures, eq(structures.id, memberships.structureId))
    .where(and(eq(memberships.id, id), isNull(memberships.revokedAt)));
  return row ?? null;
}

/** Whether this account already holds this role in this structure. */
export async function hasActiveMembership(db: Db, accountId: string, structureId: string, role: StaffRole) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.accountId, accountId),
        eq(memberships.structureId, structureId),
        eq(memberships.role, role),
        isNull(memberships.revokedAt),
      ),
    );
  return Boolean(row);
}

export async function listPlatformAdmins(db: Db) {
  return db
    .select({
      id: accounts.id,
      name: accounts.displayName,
      email: accounts.email,
      totpEnabledAt: accounts.totpEnabledAt,
      since: accounts.createdAt,
    })
    .from(accounts)
    .where(and(eq(accounts.isPlatformAdmin, true), isNull(accounts.deletedAt)))
    .orderBy(asc(accounts.displayName));
}

/** Platform-admin invitations not yet accepted. */
export async function listPendingAdminInvitations(db: Db) {
  return db
    .select({
      id: accountTokens.id,
      email: grantee.email,
      name: grantee.displayName,
      invitedBy: granter.displayName,
      expiresAt: accountTokens.expiresAt,
    })
    .from(accountTokens)
    .innerJoin(grantee, eq(grantee.id, accountTokens.accountId))
    .leftJoin(granter, sql`${granter.id}::text = ${accountTokens.payload}->>'invitedBy'`)
    .where(
      and(
        eq(accountTokens.purpose, "invitation"),
        sql`(${accountTokens.payload}->>'platformAdmin')::boolean is true`,
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(accountTokens.createdAt));
}
