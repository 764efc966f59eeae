import type { FastifyServerOptions } from "fastify";

/**
 * pino options: structured JSON, a request id on every line, and no personal data. Requests are
 * logged without address, user agent, cookies or query strings (which can carry emails or tokens);
 * anything that slips into a log object under a sensitive name is redacted.
 */
export type LoggerOptions = Exclude<FastifyServerOptions["logger"], boolean | undefined>;

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        "req.headers",
        "headers",
        "*.password",
        "*.token",
        "*.email",
        "*.phone",
        "*.cookie",
        "*.authorization",
        "password",
        "token",
        "email",
        "phone",
      ],
      censor: "[redacted]",
    },
    serializers: {
      req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        // The route pattern ("/:lang/requests/:id"), never the concrete URL with its ids and query.
        route: req.routeOptions?.url ?? "unmatched",
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
