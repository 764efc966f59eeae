import { timingSafeEqual } from "node:crypto";
import fp from "fastify-plugin";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { migrationsApplied } from "../../db/migrate.js";
import { NotFoundError, UnavailableError } from "../errors/app-error.js";
import { isPrivateRoute } from "./private-routes.js";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Liveness, readiness and Prometheus metrics. None of them is rate-limited: probes poll them. */
export const opsPlugin = fp(
  async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const duration = new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request duration by route and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });

    // Private routes are not measured: a counter's scrape time would date each of their uses.
    app.addHook("onResponse", async (request, reply) => {
      if (isPrivateRoute(request)) return;
      duration.observe(
        { method: request.method, route: request.routeOptions.url ?? "unmatched", status: reply.statusCode },
        reply.elapsedTime / 1000,
      );
    });

    const probe = { config: { rateLimit: false as const } };

    app.get("/healthz", probe, async (_request, reply) => {
      reply.header("cache-control", "no-store");
      return { status: "ok" };
    });

    app.get("/readyz", probe, async (_request, reply) => {
      reply.header("cache-control", "no-store");
      const ready = await migrationsApplied(app.database).catch(() => false);
      if (!ready) throw new UnavailableError();
      return { status: "ready", database: app.database.kind };
    });

    app.get("/metrics", probe, async (request, reply) => {
      const token = app.config.METRICS_TOKEN;
      const given = (request.headers.authorization ?? "").replace(/^Bearer /, "");
      if (!token || !sameToken(given, token)) throw new NotFoundError();
      reply.header("cache-control", "no-store").type(registry.contentType);
      return registry.metrics();
    });
  },
  { name: "sharek-ops", dependencies: ["sharek-config"] },
);
