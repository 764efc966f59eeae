import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { safeNext } from "../../../core/auth/cookie.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { FLOW_TTL_MS, setFlowCookie } from "../flow-cookie.js";
import { EidFlowError, eidEnabled, startAuthorization } from "../oidc-client.js";
import { errorPath } from "./error.js";

const Query = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) });

/** GET /:lang/sign-in/eid?next=…: sends the person to the e-ID provider, remembering the flow. */
export const startRoute: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { next?: string } }>(
    "/sign-in/eid",
    { schema: { querystring: Query } },
    async (request, reply) => {
      if (!eidEnabled(app.config)) throw new NotFoundError();
      reply.noStore();
      const next = safeNext(request.query.next, `/${request.locale}`);
      let started: Awaited<ReturnType<typeof startAuthorization>>;
      try {
        started = await startAuthorization(app.config, request.locale);
      } catch (error) {
        const failure = error instanceof EidFlowError ? error : new EidFlowError("failed", "unknown");
        request.log.warn({ reason: failure.reason, code: failure.logCode }, "e-ID provider not usable");
        return reply.redirect(errorPath(request.locale, failure.reason, next), 303);
      }
      setFlowCookie(reply, {
        ...started.secrets,
        locale: request.locale,
        next,
        expiresAt: Date.now() + FLOW_TTL_MS,
      });
      return reply.redirect(started.url.href, 303);
    },
  );
};
