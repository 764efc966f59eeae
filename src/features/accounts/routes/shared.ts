import type { FastifyReply, FastifyRequest } from "fastify";
import { setSessionCookie } from "../../../core/auth/cookie.js";
import { createSession, describeDevice } from "../../../core/auth/sessions.js";
import type { MailContext } from "../commands/register-account.js";

export function mailContext(request: FastifyRequest): MailContext {
  return { t: request.t, locale: request.locale, publicUrl: request.server.config.publicUrl };
}

/** Pages with forms and personal details are never stored by shared caches. */
export function privatePage(reply: FastifyReply) {
  reply.noStore();
}

/** Starts a fresh session (a new token on every sign-in, so a planted cookie is useless). */
export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  accountId: string,
  options: { persistent: boolean; secondFactor?: boolean },
) {
  const session = await createSession(request.server.db, accountId, {
    ...options,
    device: describeDevice(request.headers["user-agent"]),
  });
  setSessionCookie(reply, { ...session, persistent: options.persistent });
}
