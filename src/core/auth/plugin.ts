import type { KeyObject } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type Actor, ANONYMOUS } from "../authz/actor.js";
import { memberships } from "../authz/tables.js";
import { ForbiddenError } from "../errors/app-error.js";
import { isPrivateRoute } from "../ops/private-routes.js";
import { findSession, SESSION_COOKIE, touchSession } from "./sessions.js";
import type { accounts, sessions } from "./tables.js";
import { sealPlainTotpSecrets, totpKey } from "./totp.js";

export type Account = typeof accounts.$inferSelect;
export type Session = typeof sessions.$inferSelect;

declare module "fastify" {
  interface FastifyInstance {
    /** The key TOTP secrets are encrypted with (derived from the cookie secret). */
    totpKey: KeyObject;
  }
  interface FastifyRequest {
    /** The signed-in account; null until a TOTP-enabled account has given its code in this session. */
    account: Account | null;
    /** The account of a session that still owes its TOTP code: it may only give it or sign out. */
    pendingAccount: Account | null;
    session: Session | null;
    actor: Actor;
  }
}

/**
 * Resolves the session cookie into request.account, request.session and request.actor. A session
 * of an account with TOTP on counts as signed in only once its code was given: until then the
 * account is only request.pendingAccount, and the visitor acts as nobody.
 */
export const authPlugin = fp(
  async (app) => {
    app.decorate("totpKey", totpKey(app.config.cookieSecret));
    await sealPlainTotpSecrets(app.db, app.totpKey);
    app.decorateRequest("account", null);
    app.decorateRequest("pendingAccount", null);
    app.decorateRequest("session", null);
    app.decorateRequest("actor", null as unknown as Actor);

    app.addHook("onRequest", async (request, reply) => {
      request.actor = ANONYMOUS;
      const token = request.cookies[SESSION_COOKIE];
      if (!token || request.url.startsWith("/static/")) return;
      const found = await findSession(app.db, token);
      if (!found) {
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return;
      }
      request.session = found.session;
      if (!isPrivateRoute(request)) await touchSession(app.db, found.session);
      if (found.account.totpEnabledAt && !found.session.secondFactorAt) {
        request.pendingAccount = found.account;
        return;
      }
      request.account = found.account;
      request.actor = await actorFor(app.db, found.account);
    });
  },
  { name: "sharek-auth", dependencies: ["sharek-config", "@fastify/cookie"] },
);

async function actorFor(db: FastifyRequest["server"]["db"], account: Account): Promise<Actor> {
  const roles = await db
    .select({ structureId: memberships.structureId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.accountId, account.id), isNull(memberships.revokedAt)));
  const staff = account.isPlatformAdmin || roles.length > 0;
  const staffLocked = staff && !account.totpEnabledAt ? "enrol" : null;
  const unlocked = staffLocked === null;
  return {
    accountId: account.id,
    platformAdmin: account.isPlatformAdmin && unlocked,
    roles: unlocked ? roles : [],
    identityVerified: account.identityVerifiedAt !== null,
    staffLocked,
  };
}

/**
 * Route guard: sends anonymous visitors to sign in, and a session still owing its TOTP code to the
 * code page, then back here.
 */
export async function requireAccount(request: FastifyRequest, reply: FastifyReply) {
  if (request.account) return;
  const next = encodeURIComponent(request.method === "GET" ? request.url : `/${request.locale}`);
  const step = request.pendingAccount ? "sign-in/two-factor" : "sign-in";
  return reply.redirect(`/${request.locale}/${step}?next=${next}`, 303);
}

/** Route guard for the code page itself: a session waiting for its code, or a signed-in one. */
export async function requireSession(request: FastifyRequest, reply: FastifyReply) {
  if (request.pendingAccount) return;
  return requireAccount(request, reply);
}

/**
 * Route guard for the staff area: anonymous → sign in; a code owed → the code page; staff without
 * TOTP → enrol; anyone else → 403. Record-level checks still follow in each handler.
 */
export async function requireStaff(request: FastifyRequest, reply: FastifyReply) {
  if (!request.account) return requireAccount(request, reply);
  const next = encodeURIComponent(request.url);
  if (request.actor.staffLocked === "enrol")
    return reply.redirect(`/${request.locale}/account/two-factor?next=${next}`, 303);
  if (!request.actor.platformAdmin && request.actor.roles.length === 0) throw new ForbiddenError();
}

/** Route guard: platform admins only (after the staff checks). */
export async function requirePlatformAdmin(request: FastifyRequest, reply: FastifyReply) {
  await requireStaff(request, reply);
  if (reply.sent) return;
  if (!request.actor.platformAdmin) throw new ForbiddenError();
}
