import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { safeNext } from "../../../core/auth/cookie.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import type { Locale } from "../../../core/i18n/localized.js";
import { FLOW_TTL_MS } from "../flow-cookie.js";
import { EID_FAILURES, type EidFailure, eidEnabled } from "../oidc-client.js";
import { PENDING_TTL_MS } from "../pending.js";
import { EidErrorPage } from "../views/eid-error-page.js";

/**
 * Why an e-ID sign-in ended without a session: the flow's failures, and at the acceptance step the
 * person's refusal ("declined") or a step left open too long ("acceptExpired").
 */
export type EidEnd = EidFailure | "declined" | "acceptExpired";
const EID_ENDS: readonly EidEnd[] = [...EID_FAILURES, "declined", "acceptExpired"];

export function errorPath(locale: Locale, reason: EidEnd, next: string): string {
  return `/${locale}/sign-in/eid/error?reason=${reason}&next=${encodeURIComponent(next)}`;
}

const Query = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 20 })),
  next: Type.Optional(Type.String({ maxLength: 2000 })),
});

/**
 * GET /:lang/sign-in/eid/error?reason=…: what went wrong with the e-ID sign-in, in the language the
 * person started in. The callback redirects here, so the provider's code never stays in the address bar.
 */
export const errorRoute: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { reason?: string; next?: string } }>(
    "/sign-in/eid/error",
    { schema: { querystring: Query } },
    async (request, reply) => {
      if (!eidEnabled(app.config)) throw new NotFoundError();
      const reason = EID_ENDS.find((r) => r === request.query.reason) ?? "failed";
      reply.noStore();
      return reply.render(
        <EidErrorPage
          reason={reason}
          name={app.config.OIDC_NAME}
          next={safeNext(request.query.next, `/${request.locale}`)}
          minutes={(reason === "acceptExpired" ? PENDING_TTL_MS : FLOW_TTL_MS) / 60_000}
        />,
      );
    },
  );
};
