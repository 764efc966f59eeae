import { eq } from "drizzle-orm";
import { createAccount } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE, OTHER_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { accounts, accountTokens } from "../../core/auth/tables.js";
import { issueToken } from "../../core/auth/tokens.js";
import type { StaffRole } from "../../core/authz/actor.js";
import { memberships } from "../../core/authz/tables.js";
import { structureId } from "./testing.js";

const testApp = await createTestApp();
const { database } = testApp;
const home = await structureId(database, HOME_STRUCTURE);
const other = await structureId(database, OTHER_STRUCTURE);

/** A fresh membership in a structure, for a route that uses one up. */
async function membership(code: string, role: StaffRole = "agent"): Promise<string> {
  const account = await createAccount(database, { roles: [{ structure: code, role }] });
  const [row] = await database.db.select().from(memberships).where(eq(memberships.accountId, account.id));
  return row!.id;
}

/** A pending invitation (its row id and its token) to an account without a password yet. */
async function invitation(payload: Record<string, unknown>) {
  const [account] = await database.db
    .insert(accounts)
    .values({ email: `invitee.${Math.random().toString(36).slice(2)}@example.tn`, displayName: "Invitee" })
    .returning();
  const token = await issueToken(database.db, account!.id, "invitation", payload);
  const [row] = await database.db
    .select()
    .from(accountTokens)
    .where(eq(accountTokens.accountId, account!.id));
  return { id: row!.id, token };
}

const ROLES = 8;
const pool = async <T>(make: () => Promise<T>) => {
  const items: T[] = [];
  for (let i = 0; i < ROLES; i++) items.push(await make());
  return items;
};

const homeMembership = await membership(HOME_STRUCTURE);
const homeIntegrity = await membership(HOME_STRUCTURE, "integrity_officer");
const otherMembership = await membership(OTHER_STRUCTURE);
const toRevoke = await pool(() => membership(HOME_STRUCTURE));
const toCancel = await pool(() => invitation({ structureId: home, role: "agent", invitedBy: null }));
const publicInvitation = await invitation({ structureId: home, role: "moderator", invitedBy: null });
const admin = await createAccount(database, { platformAdmin: true });
const adminsToRevoke = await pool(async () => (await createAccount(database, { platformAdmin: true })).id);

// Staff roles here hold in HOME_STRUCTURE; other_staff is a structure admin (and agent) of OTHER_STRUCTURE.
const closed = { anonymous: 303, citizen: 403 };
const adminsOnly = { ...closed, structure_admin: 200, platform_admin: 200, other_staff: 200, otherwise: 403 };
const homeAdmins = (ok: number) => ({ ...closed, structure_admin: ok, platform_admin: ok, otherwise: 404 });
const platformOnly = (ok: number) => ({ anonymous: 303, platform_admin: ok, otherwise: 403 });

roleMatrix("staff admin", testApp, [
  { method: "GET", url: "/fr/admin/staff", expect: adminsOnly },
  { method: "GET", url: `/fr/admin/staff?structure=${home}`, expect: homeAdmins(200) },
  {
    method: "GET",
    url: `/fr/admin/staff?structure=${other}`,
    expect: { ...closed, platform_admin: 200, other_staff: 200, otherwise: 404 },
  },
  { method: "GET", url: "/fr/admin/staff?structure=not-a-uuid", expect: { ...closed, otherwise: 404 } },
  { method: "GET", url: "/fr/admin/staff/invite", expect: adminsOnly },
  {
    method: "POST",
    url: "/fr/admin/staff/invite",
    form: {},
    expect: { ...closed, structure_admin: 422, platform_admin: 422, other_staff: 422, otherwise: 403 },
  },
  { method: "GET", url: `/fr/admin/staff/memberships/${homeMembership}/revoke`, expect: homeAdmins(200) },
  {
    method: "GET",
    url: `/fr/admin/staff/memberships/${homeIntegrity}/revoke`,
    expect: { ...homeAdmins(200), structure_admin: 403 },
  },
  {
    method: "GET",
    url: `/fr/admin/staff/memberships/${otherMembership}/revoke`,
    expect: { ...closed, platform_admin: 200, other_staff: 200, otherwise: 404 },
  },
  {
    method: "GET",
    url: "/fr/admin/staff/memberships/0190a000-0000-7000-8000-000000000000/revoke",
    expect: { ...closed, otherwise: 404 },
  },
  {
    method: "GET",
    url: "/fr/admin/staff/memberships/1%20or%201=1/revoke",
    expect: { ...closed, otherwise: 404 },
  },
  {
    method: "POST",
    url: () => `/fr/admin/staff/memberships/${toRevoke.shift()}/revoke`,
    expect: homeAdmins(303),
  },
  {
    method: "POST",
    url: () => `/fr/admin/staff/invitations/${toCancel.shift()!.id}/cancel`,
    expect: homeAdmins(303),
  },
  { method: "POST", url: "/fr/admin/staff/invitations/nope/cancel", expect: { ...closed, otherwise: 404 } },
]);

roleMatrix("platform admins", testApp, [
  { method: "GET", url: "/fr/admin/staff/platform-admins", expect: platformOnly(200) },
  { method: "POST", url: "/fr/admin/staff/platform-admins", form: {}, expect: platformOnly(422) },
  { method: "GET", url: `/fr/admin/staff/platform-admins/${admin.id}/revoke`, expect: platformOnly(200) },
  {
    method: "GET",
    url: "/fr/admin/staff/platform-admins/0190a000-0000-7000-8000-000000000000/revoke",
    expect: platformOnly(404),
  },
  {
    method: "POST",
    url: () => `/fr/admin/staff/platform-admins/${adminsToRevoke.shift()}/revoke`,
    expect: platformOnly(303),
  },
]);

roleMatrix("invitations (public)", testApp, [
  { method: "GET", url: `/fr/invitations/${publicInvitation.token}`, expect: { otherwise: 200 } },
  { method: "POST", url: `/fr/invitations/${publicInvitation.token}`, form: {}, expect: { otherwise: 422 } },
  { method: "GET", url: "/fr/invitations/not-a-token", expect: { otherwise: 404 } },
  { method: "POST", url: "/fr/invitations/not-a-token", form: {}, expect: { otherwise: 404 } },
]);
