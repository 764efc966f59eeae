import type { FastifyReply } from "fastify";
import { SESSION_COOKIE } from "./sessions.js";

/**
 * Sets the session cookie: HttpOnly, SameSite=Lax, Secure in production. A "remember me" session
 * gets an expiry date; any other ends when the browser closes (and on the server after 12 h idle).
 */
export function setSessionCookie(
  reply: FastifyReply,
  session: { token: string; expiresAt: Date; persistent: boolean },
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: reply.server.config.isProduction,
    ...(session.persistent ? { expires: session.expiresAt } : {}),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

/** A `next` parameter made safe: only a local path ("/fr/…"), never another site ("//evil", "https:"). */
export function safeNext(next: unknown, fallback: string): string {
  return typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : fallback;
}
