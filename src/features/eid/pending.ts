import { and, eq, gt, lte } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { randomToken, sha256 } from "../../core/auth/secrets.js";
import { isLocale, type Locale } from "../../core/i18n/localized.js";
import type { JobDefinition } from "../../core/jobs/job.js";
import type { Db } from "../../db/client.js";
import type { EidClaims } from "./oidc-client.js";
import { eidPendingSignIns } from "./tables.js";

/**
 * Between the e-ID callback and the acceptance of the terms, the person's identity waits on the
 * server (`eid_pending_sign_ins`); the browser holds only a random token in an HttpOnly cookie. A
 * token nobody issued matches no row, and a row is spent once, so nothing here can be forged or
 * replayed into an account. Lapsed rows are deleted every 15 minutes (and whenever one is held).
 */
export const PENDING_COOKIE = "eid_pending";
export const PENDING_TTL_MS = 30 * 60 * 1000;

export interface PendingSignIn {
  claims: EidClaims;
  locale: Locale;
  next: string;
  existingAccount: boolean;
}

/** Deletes the identities whose step lapsed: what a provider said is kept no longer than needed. */
export async function forgetLapsedSignIns(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(eidPendingSignIns)
    .where(lte(eidPendingSignIns.expiresAt, now))
    .returning({ id: eidPendingSignIns.id });
  return gone.length;
}

export const forgetLapsedSignInsJob: JobDefinition = {
  name: "eid-forget-lapsed",
  cron: "*/15 * * * *",
  run: (db, now) => forgetLapsedSignIns(db, now),
};

/** Keeps the identity on the server and gives this browser the token to it. */
export async function holdPendingSignIn(db: Db, reply: FastifyReply, pending: PendingSignIn): Promise<void> {
  const now = new Date();
  await forgetLapsedSignIns(db, now);
  const token = randomToken();
  await db.insert(eidPendingSignIns).values({
    tokenHash: sha256(token),
    claims: pending.claims,
    locale: pending.locale,
    next: pending.next,
    existingAccount: pending.existingAccount,
    expiresAt: new Date(now.getTime() + PENDING_TTL_MS),
  });
  reply.setCookie(PENDING_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: reply.server.config.isProduction,
    maxAge: PENDING_TTL_MS / 1000,
  });
}

export function clearPendingCookie(reply: FastifyReply): void {
  reply.clearCookie(PENDING_COOKIE, { path: "/" });
}

export type PendingRead =
  | { ok: true; pending: PendingSignIn }
  /** "missing": no token in this browser (never given, or lapsed); "invalid": a token that matches
   * nothing (forged, already spent or refused); "expired": too old. */
  | { ok: false; reason: "missing" | "invalid" | "expired" };

const usable = (token: string) => eq(eidPendingSignIns.tokenHash, sha256(token));

function toPending(row: typeof eidPendingSignIns.$inferSelect): PendingSignIn | null {
  if (!isLocale(row.locale)) return null;
  return { claims: row.claims, locale: row.locale, next: row.next, existingAccount: row.existingAccount };
}

/** The identity this browser's token points to, without spending it (to show the step). */
export async function readPendingSignIn(db: Db, request: FastifyRequest): Promise<PendingRead> {
  const token = request.cookies[PENDING_COOKIE];
  if (!token) return { ok: false, reason: "missing" };
  if (token.length > 100) return { ok: false, reason: "invalid" };
  const [row] = await db.select().from(eidPendingSignIns).where(usable(token)).limit(1);
  if (!row) return { ok: false, reason: "invalid" };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: "expired" };
  const pending = toPending(row);
  return pending ? { ok: true, pending } : { ok: false, reason: "invalid" };
}

/** Spends the token: of two submissions at once, exactly one gets the identity. */
export async function takePendingSignIn(db: Db, request: FastifyRequest): Promise<PendingSignIn | null> {
  const token = request.cookies[PENDING_COOKIE];
  if (!token || token.length > 100) return null;
  const [row] = await db
    .delete(eidPendingSignIns)
    .where(and(usable(token), gt(eidPendingSignIns.expiresAt, new Date())))
    .returning();
  return row ? toPending(row) : null;
}

/** Forgets the identity this browser's token points to (the person refused). */
export async function dropPendingSignIn(db: Db, request: FastifyRequest): Promise<void> {
  const token = request.cookies[PENDING_COOKIE];
  if (token && token.length <= 100) await db.delete(eidPendingSignIns).where(usable(token));
}
