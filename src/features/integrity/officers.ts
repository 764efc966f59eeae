import { and, eq, gt, inArray, isNotNull, isNull } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Account } from "../../core/auth/plugin.js";
import { sha256, verifySecret } from "../../core/auth/secrets.js";
import { SESSION_COOKIE } from "../../core/auth/sessions.js";
import { accounts } from "../../core/auth/tables.js";
import { type Actor, hasRole } from "../../core/authz/actor.js";
import { memberships } from "../../core/authz/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import {
  decodeKey,
  deriveKey,
  encodeKey,
  type KeyPair,
  newKeyPair,
  newRecoveryKey,
  newSalt,
  normalizeRecoveryKey,
  publicKeyOf,
  randomKey,
  unwrap,
  wrap,
} from "./crypto.js";
import { integrityAppointments, integrityKeySessions, integrityOfficerKeys } from "./tables.js";

/** The central integrity unit: every report reaches its officers (the National Anti-Corruption Authority). */
export const CENTRAL_INTEGRITY_CODE = "inlucc";
/** The officer's browser holds the key that opens their unlocked private key, in this cookie. */
export const KEY_COOKIE = "ik";
/** An unlocked key lasts at most a working day, and never beyond its sign-in session. */
const KEY_SESSION_MS = 8 * 3600 * 1000;

export async function centralUnitId(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ id: structures.id })
    .from(structures)
    .where(eq(structures.code, CENTRAL_INTEGRITY_CODE));
  return row?.id ?? null;
}

/** The structures whose integrity officers may read a report addressed to `structureId`. */
export function addressees(structureId: string | null, central: string | null): string[] {
  return [...new Set([structureId, central].filter((s): s is string => Boolean(s)))];
}

/** Whether the actor is an integrity officer a report addressed to `structureId` reaches. */
export function isAddressedOfficer(
  actor: Actor,
  structureId: string | null,
  central: string | null,
): boolean {
  return addressees(structureId, central).some((s) => hasRole(actor, s, "integrity_officer"));
}

/** An integrity officer's live, approved appointment (pending ones receive no key). */
const approvedOfficer = and(
  eq(memberships.role, "integrity_officer"),
  isNull(memberships.revokedAt),
  isNotNull(integrityAppointments.approvedOn),
);

/** The approved officers (with keys) a report addressed to these structures is sealed to. */
export async function officersWithKeys(db: Db, structureIds: string[]) {
  if (structureIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ accountId: integrityOfficerKeys.accountId, publicKey: integrityOfficerKeys.publicKey })
    .from(memberships)
    .innerJoin(integrityAppointments, eq(integrityAppointments.membershipId, memberships.id))
    .innerJoin(integrityOfficerKeys, eq(integrityOfficerKeys.accountId, memberships.accountId))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(inArray(memberships.structureId, structureIds), approvedOfficer, isNull(accounts.deletedAt)));
  return rows.map((r) => ({ accountId: r.accountId, publicKey: decodeKey(r.publicKey) }));
}

/** Structures that have at least one approved integrity officer with keys, on a live account. */
async function structuresWithOfficers(db: Db) {
  return db
    .selectDistinct({ id: structures.id, code: structures.code, name: structures.name })
    .from(memberships)
    .innerJoin(integrityAppointments, eq(integrityAppointments.membershipId, memberships.id))
    .innerJoin(integrityOfficerKeys, eq(integrityOfficerKeys.accountId, memberships.accountId))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .innerJoin(structures, eq(structures.id, memberships.structureId))
    .where(and(approvedOfficer, isNull(accounts.deletedAt)));
}

export interface ReportDestinations {
  /** Whether the central integrity unit has an officer who can open a report. */
  central: boolean;
  /** The other structures with such an officer (a report to one also reaches the central unit). */
  structures: Array<{ code: string; name: LocalizedText }>;
}

/** Where a report can be sent now: the form offers these and nothing else. */
export async function reportDestinations(db: Db): Promise<ReportDestinations> {
  const [central, reachable] = await Promise.all([centralUnitId(db), structuresWithOfficers(db)]);
  return {
    central: reachable.some((s) => s.id === central),
    structures: reachable.filter((s) => s.id !== central).map(({ code, name }) => ({ code, name })),
  };
}

/** Whether any report can be sent at all. */
export const canReceive = (d: ReportDestinations) => d.central || d.structures.length > 0;

export async function findOfficerKeys(db: Db, accountId: string) {
  const [row] = await db
    .select()
    .from(integrityOfficerKeys)
    .where(eq(integrityOfficerKeys.accountId, accountId));
  return row ?? null;
}

/**
 * Enrolment: a new keypair, its private half wrapped under argon2id(password) and under
 * argon2id(recovery key). The recovery key is returned once, to be shown once, and never stored.
 */
export async function enrolOfficerKeys(
  db: Db,
  account: Pick<Account, "id" | "passwordHash">,
  password: string,
): Promise<{ ok: true; recoveryKey: string; keys: KeyPair } | { ok: false; problem: "password" | "exists" }> {
  if (!account.passwordHash || !(await verifySecret(account.passwordHash, password)))
    return { ok: false, problem: "password" };
  const keys = newKeyPair();
  const recoveryKey = newRecoveryKey();
  const passwordSalt = newSalt();
  const recoverySalt = newSalt();
  const inserted = await db
    .insert(integrityOfficerKeys)
    .values({
      accountId: account.id,
      publicKey: encodeKey(keys.publicKey),
      passwordSalt,
      passwordWrapped: wrap(keys.privateKey, await deriveKey(password, passwordSalt)),
      recoverySalt,
      recoveryWrapped: wrap(
        keys.privateKey,
        await deriveKey(normalizeRecoveryKey(recoveryKey), recoverySalt),
      ),
    })
    .onConflictDoNothing()
    .returning({ accountId: integrityOfficerKeys.accountId });
  if (inserted.length === 0) return { ok: false, problem: "exists" };
  return { ok: true, recoveryKey, keys };
}

export type UnlockProblem = "password" | "recovery" | "needsRecovery" | "noKeys";

/**
 * Opens an officer's private key with their password or, after a password change or reset, with
 * their recovery key (and then wraps it again under the current password).
 */
export async function openOfficerKeys(
  db: Db,
  account: Pick<Account, "id" | "passwordHash">,
  input: { password: string; recoveryKey?: string },
): Promise<{ ok: true; keys: KeyPair } | { ok: false; problem: UnlockProblem }> {
  const row = await findOfficerKeys(db, account.id);
  if (!row) return { ok: false, problem: "noKeys" };
  const passwordRight =
    Boolean(account.passwordHash) && (await verifySecret(account.passwordHash!, input.password));
  if (!passwordRight) return { ok: false, problem: "password" };
  const publicKey = decodeKey(row.publicKey);
  const recovery = normalizeRecoveryKey(input.recoveryKey);
  if (recovery) {
    const privateKey = unwrap(row.recoveryWrapped, await deriveKey(recovery, row.recoverySalt));
    if (!privateKey) return { ok: false, problem: "recovery" };
    const passwordSalt = newSalt();
    await db
      .update(integrityOfficerKeys)
      .set({ passwordSalt, passwordWrapped: wrap(privateKey, await deriveKey(input.password, passwordSalt)) })
      .where(eq(integrityOfficerKeys.accountId, account.id));
    return { ok: true, keys: { publicKey, privateKey } };
  }
  const privateKey = unwrap(row.passwordWrapped, await deriveKey(input.password, row.passwordSalt));
  // The password is right but wraps nothing: it changed since the keys were wrapped.
  if (!privateKey) return { ok: false, problem: "needsRecovery" };
  return { ok: true, keys: { publicKey, privateKey } };
}

/** Keeps the opened key for this sign-in session; the returned cookie value is the only way back to it. */
export async function startKeySession(db: Db, sessionId: string, accountId: string, keys: KeyPair) {
  const cookieKey = randomKey();
  const values = {
    sessionId,
    accountId,
    wrappedKey: wrap(keys.privateKey, cookieKey),
    expiresAt: new Date(Date.now() + KEY_SESSION_MS),
  };
  await db
    .insert(integrityKeySessions)
    .values(values)
    .onConflictDoUpdate({ target: integrityKeySessions.sessionId, set: values });
  return Buffer.from(cookieKey).toString("base64url");
}

export function setKeyCookie(request: FastifyRequest, reply: FastifyReply, value: string) {
  reply.setCookie(KEY_COOKIE, value, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: request.server.config.isProduction,
  });
}

/** The officer's unlocked keypair for this request, or null (locked, expired, or another session). */
export async function unlockedKeys(request: FastifyRequest): Promise<KeyPair | null> {
  const cookie = request.cookies[KEY_COOKIE];
  const token = request.cookies[SESSION_COOKIE];
  if (!cookie || !token || !request.account) return null;
  const [row] = await request.server.db
    .select()
    .from(integrityKeySessions)
    .where(
      and(
        eq(integrityKeySessions.sessionId, sha256(token)),
        eq(integrityKeySessions.accountId, request.account.id),
        gt(integrityKeySessions.expiresAt, new Date()),
      ),
    );
  if (!row) return null;
  const privateKey = unwrap(row.wrappedKey, new Uint8Array(Buffer.from(cookie, "base64url")));
  return privateKey ? { publicKey: publicKeyOf(privateKey), privateKey } : null;
}

export async function endKeySession(db: Db, sessionId: string) {
  await db.delete(integrityKeySessions).where(eq(integrityKeySessions.sessionId, sessionId));
}

/** Drops every unlocked key of an account (it left the role, or the account is deleted). */
export async function endKeySessionsOf(db: Db, accountId: string) {
  await db.delete(integrityKeySessions).where(eq(integrityKeySessions.accountId, accountId));
}
