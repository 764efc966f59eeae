import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyReply, preValidationHookHandler } from "fastify";
import fp from "fastify-plugin";
import helmet from "helmet";
import { rateLimitStore } from "../counters/counters.js";
import { RateLimitedError, UnsupportedMediaTypeError, UploadsBusyError } from "../errors/app-error.js";
import { stripNulDeep } from "./input.js";
import { beginUpload, UploadSlots, uploadCsrfToken } from "./uploads.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * false only for routes that authenticate without cookies (API keys), so a cross-site form
     * cannot ride on a session. Every other POST checks the CSRF token.
     */
    csrf?: boolean;
  }
  interface FastifyReply {
    /** Marks the answer as never to be stored by any cache (forms, personal pages, secrets). */
    noStore(): FastifyReply;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The strict Content-Security-Policy of every page: our own files only, and never framed. */
function cspDirectives(isProduction: boolean): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
    ...(isProduction ? { upgradeInsecureRequests: [] } : {}),
  };
}

/**
 * Lets a page be framed by these origins only (embeddable widgets): the same policy with its
 * frame-ancestors replaced, and no X-Frame-Options (which cannot name other origins). With no
 * origin, framing stays refused. Forms may also open Sharek in a new tab (form-action 'self').
 */
export function allowFraming(reply: FastifyReply, origins: readonly string[]): void {
  const directives = { ...cspDirectives(reply.server.config.isProduction) };
  directives.frameAncestors = origins.length > 0 ? [...origins] : ["'none'"];
  const policy = Object.entries(directives)
    .map(([name, values]) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ...values].join(" "))
    .join("; ");
  reply.header("content-security-policy", policy);
  reply.removeHeader("x-frame-options");
}

/** reply.noStore(): an answer no cache may keep (pages with personal data, forms, API errors). */
export function noStore(this: FastifyReply): FastifyReply {
  return this.header("cache-control", "no-store");
}

/**
 * The security baseline every route stands on: signed cookies, strict CSP and headers, CSRF on every
 * state-changing route unless it opts out explicitly, and per-address rate limits (404s included).
 */
export const securityPlugin = fp(
  async (app) => {
    const { config } = app;
    app.decorateReply("noStore", noStore);
    await app.register(fastifyCookie, { secret: config.cookieSecret });
    await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
    // Forms with files: nothing is read here. Only the routes that declare config.upload read a
    // multipart body, as a stream, within their own limits (uploads.ts); a longer file reaches
    // the route cut short and marked truncated, so its form can say so.
    await app.register(fastifyMultipart, { throwFileSizeLimit: false });
    // helmet's headers are worked out once, here; each request only receives them (@fastify/helmet
    // built the whole middleware again, its CSP parsed anew, on every request).
    const securityHeaders = helmet({
      contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config.isProduction) },
      hsts: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      crossOriginEmbedderPolicy: false,
    });
    app.addHook("onRequest", (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
    );
    await app.register(fastifyCsrf, {
      sessionPlugin: "@fastify/cookie",
      cookieKey: "csrf",
      cookieOpts: { path: "/", sameSite: "lax", httpOnly: true, secure: config.isProduction, signed: true },
      getToken: (request) => {
        const body = request.body as Record<string, unknown> | undefined;
        const field = body && typeof body === "object" ? body._csrf : uploadCsrfToken(request);
        return typeof field === "string" ? field : (request.headers["x-csrf-token"] as string | undefined);
      },
    });
    await app.register(fastifyRateLimit, {
      global: true,
      max: config.RATE_LIMIT_MAX,
      timeWindow: 60_000,
      // The counter's key is the address: shared by every node (stored HMACed), never in a log.
      store: rateLimitStore(app.counters),
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) => new RateLimitedError(Math.ceil(context.ttl / 1000)),
    });

    // Input is cleaned once, where it is parsed: no NUL character (which PostgreSQL text refuses)
    // reaches a route, from the query, the path or a urlencoded or JSON body (multipart: readUpload).
    // A multipart body is refused unread by any route that takes no upload.
    app.addHook("preValidation", async (request) => {
      stripNulDeep(request.query);
      stripNulDeep(request.params);
      stripNulDeep(request.body);
      if (request.isMultipart() && !request.routeOptions.config.upload) throw new UnsupportedMediaTypeError();
    });

    // Files are read by at most UPLOAD_CONCURRENCY requests at once; a slot is given back with the answer.
    const slots = new UploadSlots(config.UPLOAD_CONCURRENCY);
    app.addHook("onResponse", async (request) => slots.release(request));
    app.addHook("onRequestAbort", async (request) => slots.release(request));

    const csrfCheck = app.csrfProtection as unknown as preValidationHookHandler;
    app.addHook("onRoute", (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!methods.some((m) => UNSAFE_METHODS.has(m))) return;
      const upload = route.config?.upload;
      const checks = [
        ...(upload ? [beginUpload(upload, slots, () => new UploadsBusyError())] : []),
        ...(route.config?.csrf === false ? [] : [csrfCheck]),
      ];
      const existing = route.preValidation ?? [];
      route.preValidation = [...checks, ...(Array.isArray(existing) ? existing : [existing])];
    });
  },
  { name: "sharek-security", dependencies: ["sharek-config"] },
);
