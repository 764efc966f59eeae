import { and, eq, isNull } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type Actor, ANONYMOUS } from "../authz/actor.js";
import { memberships } from "../authz/tables.js";
import { ForbiddenError } from "../errors/app-error.js";
import { isPrivateRoute } from "../ops/private-routes.js";
import { findSession, SESSION_COOKIE, touchSession } from "./sessions.js";
import type { accounts, sessions } from "./tables.js";

export type Account = typeof accounts.$inferSelect;
export type Session = typeof sessions.$inferSelect;

declare module "fastify" {
  interface FastifyRequest {
    account: Account | null;
    session: Session | null;
    actor: Actor;
  }
}

/** Resolves the session cookie into request.account, request.session and request.actor. */
export const authPlugin = fp(
  async (app) => {
    app.decorateRequest("account", null);
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
      request.account = found.account;
      request.session = found.session;
      request.actor = await actorFor(app.db, found.account, found.session);
      if (!isPrivateRoute(request)) await touchSession(app.db, found.session);
    });
  },
  { name: "sharek-auth", dependencies: ["sharek-config", "@fastify/cookie"] },
);

async function actorFor(
  db: FastifyRequest["server"]["db"],
  account: Account,
  session: Session,
): Promise<Actor> {
  const roles = await db
    .select({ structureId: memberships.structureId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.accountId, account.id), isNull(memberships.revokedAt)));
  const staff = account.isPlatformAdmin || roles.length > 0;
  const staffLocked = !staff
    ? null
    : !account.totpEnabledAt
      ? "enrol"
      : !session.secondFactorAt
        ? "verify"
        : null;
  const unlocked = staffLocked === null;
  return {
    accountId: account.id,
    platformAdmin: account.isPlatformAdmin && unlocked,
    roles: unlocked ? roles : [],
    identityVerified: account.identityVerifiedAt !== null,
    staffLocked,
  };
}

/** Route guard: sends anonymous visitors to sign in, then back here. */
export async function requireAccount(request: FastifyRequest, reply: FastifyReply) {
  if (request.account) return;
  const next = encodeURIComponent(request.method === "GET" ? request.url : `/${request.locale}`);
  return reply.redirect(`/${request.locale}/sign-in?next=${next}`, 303);
}

/**
 * Route guard for the staff area: anonymous → sign in; staff without TOTP → enrol or enter a code;
 * anyone else → 403. Record-level checks still follow in each handler.
 */
export async function requireStaff(request: FastifyRequest, reply: FastifyReply) {
  if (!request.account) return requireAccount(request, reply);
  const next = encodeURIComponent(request.url);
  if (request.actor.staffLocked === "enrol")
    return reply.redirect(`/${request.locale}/account/two-factor?next=${next}`, 303);
  if (request.actor.staffLocked === "verify")
    return reply.redirect(`/${request.locale}/sign-in/two-factor?next=${next}`, 303);
  if (!request.actor.platformAdmin && request.actor.roles.length === 0) throw new ForbiddenError();
}

/** Route guard: platform admins only (after the staff checks). */
export async function requirePlatformAdmin(request: FastifyRequest, reply: FastifyReply) {
  await requireStaff(request, reply);
  if (reply.sent) return;
  if (!request.actor.platformAdmin) throw new ForbiddenError();
}
