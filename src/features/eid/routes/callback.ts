import type { FastifyPluginAsync, FastifyReply } from "fastify";
import Type from "typebox";
import { setSessionCookie } from "../../../core/auth/cookie.js";
import { createSession, describeDevice, revokeSession } from "../../../core/auth/sessions.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { translator } from "../../../core/i18n/catalog.js";
import { isLocale, type Locale } from "../../../core/i18n/localized.js";
import { signInWithEid } from "../commands/sign-in-with-eid.js";
import { clearFlowCookie, readFlowCookie } from "../flow-cookie.js";
import {
  CALLBACK_PATH,
  completeAuthorization,
  type EidClaims,
  EidFlowError,
  eidEnabled,
  redirectUri,
} from "../oidc-client.js";
import { errorPath } from "./error.js";

// Only sizes are checked here; the meaning of each parameter is openid-client's to check.
const Query = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 4096 })),
  state: Type.Optional(Type.String({ maxLength: 1024 })),
  error: Type.Optional(Type.String({ maxLength: 256 })),
  error_description: Type.Optional(Type.String({ maxLength: 2048 })),
});

/**
 * GET /auth/eid/callback: the provider's answer. Outside the language prefix, because the address
 * is registered once at the provider; the language travels in the flow cookie.
 */
export const callbackRoute: FastifyPluginAsync = async (app) => {
  app.get(CALLBACK_PATH, { schema: { querystring: Query } }, async (request, reply) => {
    if (!eidEnabled(app.config)) throw new NotFoundError();
    reply.noStore();
    const read = readFlowCookie(request);
    clearFlowCookie(reply);
    if (!read.ok) {
      const reason = read.reason === "invalid" ? "invalid" : "expired";
      request.log.info({ reason, code: `flow_${read.reason}` }, "e-ID sign-in refused");
      return reply.redirect(errorPath(read.locale ?? request.locale, reason, `/${request.locale}`), 303);
    }
    const { flow } = read;

    let claims: EidClaims;
    try {
      const answer = new URL(redirectUri(app.config));
      answer.search = new URL(request.url, "http://callback").search;
      claims = await completeAuthorization(app.config, answer, flow);
    } catch (error) {
      const failure = error instanceof EidFlowError ? error : new EidFlowError("failed", "unknown");
      request.log.warn(
        { reason: failure.reason, code: failure.logCode.slice(0, 80) },
        "e-ID sign-in did not complete",
      );
      return reply.redirect(errorPath(flow.locale, failure.reason, flow.next), 303);
    }

    const { account, outcome } = await signInWithEid(app.db, claims, {
      locale: flow.locale,
      fallbackName: translator(flow.locale)("eid.defaultName"),
      request,
    });
    // Whoever was signed in in this browser before is signed out: one person per session.
    if (request.session) await revokeSession(app.db, request.session.id, request.session.accountId);
    const session = await createSession(app.db, account.id, {
      persistent: false,
      device: describeDevice(request.headers["user-agent"]),
    });
    setSessionCookie(reply, { ...session, persistent: false });
    request.log.info({ outcome }, "signed in with the e-ID");

    if (account.totpEnabledAt) {
      return reply.redirect(`/${flow.locale}/sign-in/two-factor?next=${encodeURIComponent(flow.next)}`, 303);
    }
    return redirectHome(reply, flow.next);
  });
};

/** Goes on to `next`, with a "signed in, identity verified" notice when it is one of our pages. */
function redirectHome(reply: FastifyReply, next: string) {
  const match = /^\/([a-z]{2})((?:[/?#].*)?)$/.exec(next);
  const locale = match?.[1];
  if (!match || !isLocale(locale)) return reply.redirect(next, 303);
  reply.request.locale = locale as Locale;
  return reply.redirectWithFlash(match[2] || "/", { kind: "success", message: "eid.signedIn" });
}
