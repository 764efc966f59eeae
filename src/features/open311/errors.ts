import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  type AppError,
  PayloadTooLargeError,
  RateLimitedError,
  toAppError,
} from "../../core/errors/app-error.js";
import type { Translate } from "../../core/i18n/catalog.js";
import { translator } from "../../core/i18n/catalog.js";
import { CONTENT_TYPES, type Document, list, serialise } from "./document.js";
import { answerFormat, apiLocale } from "./params.js";

/** One entry of the specification's error list: a code and a sentence meant for the user. */
export interface ProblemEntry {
  /** An i18n key under open311.errors, and its values. */
  key: string;
  values?: Record<string, unknown>;
}

/**
 * An error as GeoReport v2 answers it: an HTTP status (404 for what does not exist, 403 for a wrong
 * or missing api_key, 400 for anything else that cannot be fulfilled) and a list of problems, each
 * with that status as its code.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly problems: ProblemEntry[],
    /** For 429: when the client may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`open311 ${status}`);
    this.name = "Open311Error";
  }
}

export const badRequest = (...problems: ProblemEntry[]) => new Open311Error(400, problems);
export const notFound = (key: string, values?: Record<string, unknown>) =>
  new Open311Error(404, [{ key, values }]);

export function errorsDocument(error: Open311Error, t: Translate, requestId: string): Document {
  return {
    root: "errors",
    body: list(
      "error",
      error.problems.map((p) => ({
        code: error.status,
        description: t(`open311.errors.${p.key}`, { requestId, ...p.values }),
      })),
    ),
  };
}

/** Anything thrown inside the API (a plugin's error, a bug) as the specification's error. */
function toOpen311Error(error: unknown, request: FastifyRequest): Open311Error {
  if (error instanceof Open311Error) return error;
  const appError: AppError = toAppError(error);
  if (appError instanceof RateLimitedError) {
    const seconds = Number(appError.details?.retryAfterSeconds) || 60;
    return new Open311Error(429, [{ key: "rateLimited", values: { seconds } }], seconds);
  }
  if (appError.status === 404) return notFound("notFound");
  if (appError instanceof PayloadTooLargeError) return badRequest({ key: "tooLarge" });
  if (appError.status >= 500) {
    request.log.error({ err: error }, "open311 request failed");
    // The specification's "General Service Error": 400, and the client is to tell us (with the id).
    return badRequest({ key: "serviceError" });
  }
  return badRequest({ key: "badRequest" });
}

export function sendOpen311Error(request: FastifyRequest, reply: FastifyReply, error: Open311Error) {
  const format = answerFormat(request.url);
  const t = translator(apiLocale(request));
  if (error.retryAfterSeconds) reply.header("retry-after", String(error.retryAfterSeconds));
  return reply
    .code(error.status)
    .noStore()
    .type(CONTENT_TYPES[format])
    .send(serialise(errorsDocument(error, t, request.id), format));
}

/**
 * The API's own error and not-found handlers, on its encapsulated scope: an unknown address, bad
 * input or a failure is always answered in the specification's error format, never as an HTML page.
 */
export function handleOpen311Errors(api: FastifyInstance) {
  api.setErrorHandler((error, request, reply) => {
    const open311Error = toOpen311Error(error, request);
    if (open311Error.status < 500)
      request.log.info({ status: open311Error.status }, "open311 request refused");
    return sendOpen311Error(request, reply, open311Error);
  });
  api.setNotFoundHandler({ preHandler: api.rateLimit() }, (request, reply) =>
    sendOpen311Error(request, reply, notFound("notFound")),
  );
}
