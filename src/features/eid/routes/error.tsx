import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { safeNext } from "../../../core/auth/cookie.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import type { Locale } from "../../../core/i18n/localized.js";
import { FLOW_TTL_MS } from "../flow-cookie.js";
import { EID_FAILURES, type EidFailure, eidEnabled } from "../oidc-client.js";
import { EidErrorPage } from "../views/eid-error-page.js";

export function errorPath(locale: Locale, reason: EidFailure, next: string): string {
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
      const reason = EID_FAILURES.find((r) => r === request.query.reason) ?? "failed";
      reply.noStore();
      return reply.render(
        <EidErrorPage
          reason={reason}
          name={app.config.OIDC_NAME}
          next={safeNext(request.query.next, `/${request.locale}`)}
          minutes={FLOW_TTL_MS / 60_000}
        />,
      );
    },
  );
};
