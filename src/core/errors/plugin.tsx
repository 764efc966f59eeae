import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type AppError, NotFoundError, toAppError } from "./app-error.js";
import { ErrorPage } from "./error-page.js";

/** The documented shape of every JSON error (see README, "API errors"). */
export interface ApiErrorBody {
  error: {
    code: string;
    status: number;
    message: string;
    requestId: string;
    details?: Record<string, unknown>;
  };
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/") || request.url.startsWith("/open311/");
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (typeof error.details?.retryAfterSeconds === "number")
    reply.header("retry-after", String(error.details.retryAfterSeconds));
  if (error.status >= 500) reply.noStore();
  if (wantsJson(request)) {
    const body: ApiErrorBody = {
      error: {
        code: error.code,
        status: error.status,
        message: request.t(`errors.${error.key}.title`),
        requestId: request.id,
        ...(error.details ? { details: error.details } : {}),
      },
    };
    return reply.code(error.status).type("application/json; charset=utf-8").send(body);
  }
  return reply.render(<ErrorPage error={error} />, error.status);
}

/**
 * One error handler for the whole app: known errors get their page or JSON body in the visitor's
 * language; anything else is logged with the request id and shown as a 500 without internals.
 */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const appError = toAppError(error);
      if (appError.status >= 500) request.log.error({ err: error }, "request failed");
      else request.log.info({ code: appError.code }, "request refused");
      return sendError(request, reply, appError);
    });

    app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) =>
      sendError(request, reply, new NotFoundError()),
    );
  },
  { name: "sharek-errors", dependencies: ["sharek-views", "@fastify/rate-limit"] },
);
