import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { translator } from "../../../core/i18n/catalog.js";
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
import { holdPendingSignIn } from "../pending.js";
import { acceptPath } from "./accept.js";
import { errorPath } from "./error.js";
import { finishEidSignIn } from "./finish.js";

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

    const result = await signInWithEid(app.db, claims, {
      locale: flow.locale,
      fallbackName: translator(flow.locale)("eid.defaultName"),
      request,
      accepted: false,
    });
    if (result.status === "mustAccept") {
      // Nobody was asked yet: the identity waits on the server until the person accepts the terms.
      await holdPendingSignIn(app.db, reply, {
        claims,
        locale: flow.locale,
        next: flow.next,
        existingAccount: result.existingAccount,
      });
      request.log.info({ existingAccount: result.existingAccount }, "e-ID sign-in waits for the terms");
      return reply.redirect(acceptPath(flow.locale), 303);
    }
    return finishEidSignIn(request, reply, result, flow);
  });
};
