import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyReply, preValidationHookHandler } from "fastify";
import fp from "fastify-plugin";
import { rateLimitStore } from "../counters/counters.js";
import { RateLimitedError } from "../errors/app-error.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * false only for routes that authenticate without cookies (API keys), so a cross-site form
     * cannot ride on a session. Every other POST checks the CSRF token.
     */
    csrf?: boolean;
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

/**
 * The security baseline every route stands on: signed cookies, strict CSP and headers, CSRF on every
 * state-changing route unless it opts out explicitly, and per-address rate limits (404s included).
 */
export const securityPlugin = fp(
  async (app) => {
    const { config } = app;
    await app.register(fastifyCookie, { secret: config.cookieSecret });
    await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
    // Forms with files: parsed before the CSRF check reads _csrf. Each feature sets its own,
    // smaller, per-file limit; past these ceilings a file is cut short and marked truncated.
    await app.register(fastifyMultipart, {
      attachFieldsToBody: true,
      throwFileSizeLimit: false,
      limits: { fileSize: 10 * 1024 * 1024, files: 5, fields: 40, fieldSize: 64 * 1024, parts: 50 },
    });
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config.isProduction) },
      hsts: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      crossOriginEmbedderPolicy: false,
    });
    await app.register(fastifyCsrf, {
      sessionPlugin: "@fastify/cookie",
      cookieKey: "csrf",
      cookieOpts: { path: "/", sameSite: "lax", httpOnly: true, secure: config.isProduction, signed: true },
      getToken: (request) => {
        const body = request.body as Record<string, unknown> | undefined;
        const field = body && typeof body === "object" ? body._csrf : undefined;
        // A multipart field arrives as { value }; a urlencoded one as a string.
        const fromBody =
          typeof field === "object" && field !== null ? (field as { value?: unknown }).value : field;
        return typeof fromBody === "string"
          ? fromBody
          : (request.headers["x-csrf-token"] as string | undefined);
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

    const csrfCheck = app.csrfProtection as unknown as preValidationHookHandler;
    app.addHook("onRoute", (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!methods.some((m) => UNSAFE_METHODS.has(m)) || route.config?.csrf === false) return;
      const existing = route.preValidation ?? [];
      route.preValidation = [csrfCheck, ...(Array.isArray(existing) ? existing : [existing])];
    });
  },
  { name: "sharek-security", dependencies: ["sharek-config"] },
);
