import type { FastifyReply, FastifyRequest } from "fastify";
import { setSessionCookie } from "../../../core/auth/cookie.js";
import type { Account } from "../../../core/auth/plugin.js";
import { createSession, describeDevice, revokeSession } from "../../../core/auth/sessions.js";
import { isLocale, type Locale } from "../../../core/i18n/localized.js";
import type { EidOutcome } from "../commands/sign-in-with-eid.js";

/**
 * Opens the session of a person the e-ID signed in (from the callback, or once they accepted the
 * terms), then goes on: to the TOTP step when the account has it, else to `next`.
 */
export async function finishEidSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  signedIn: { account: Account; outcome: EidOutcome },
  flow: { locale: Locale; next: string },
) {
  const { db } = request.server;
  const { account, outcome } = signedIn;
  // Whoever was signed in in this browser before is signed out: one person per session.
  if (request.session) await revokeSession(db, request.session.id, request.session.accountId);
  const session = await createSession(db, account.id, {
    persistent: false,
    device: describeDevice(request.headers["user-agent"]),
  });
  setSessionCookie(reply, { ...session, persistent: false });
  request.log.info({ outcome }, "signed in with the e-ID");

  if (account.totpEnabledAt) {
    return reply.redirect(`/${flow.locale}/sign-in/two-factor?next=${encodeURIComponent(flow.next)}`, 303);
  }
  return redirectHome(reply, flow.next);
}

/** Goes on to `next`, with a "signed in, identity verified" notice when it is one of our pages. */
function redirectHome(reply: FastifyReply, next: string) {
  const match = /^\/([a-z]{2})((?:[/?#].*)?)$/.exec(next);
  const locale = match?.[1];
  if (!match || !isLocale(locale)) return reply.redirect(next, 303);
  reply.request.locale = locale as Locale;
  return reply.redirectWithFlash(match[2] || "/", { kind: "success", message: "eid.signedIn" });
}
