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

/**
 * A `next` address made safe: a path on this site only ("/fr/…"). Refused: other sites ("//evil",
 * "/\\evil", "https:…"), and any space or control character, since browsers drop tabs and newlines
 * from URLs and "/\t/evil" would become "//evil".
 */
export function safeNext(next: unknown, fallback: string): string {
  return typeof next === "string" && next.length <= 2000 && /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/.test(next)
    ? next
    : fallback;
}
