import { timingSafeEqual } from "node:crypto";
import fp from "fastify-plugin";
import type pg from "pg";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { migrationsApplied } from "../../db/migrate.js";
import { NotFoundError, UnavailableError } from "../errors/app-error.js";
import { isPrivateRoute } from "./private-routes.js";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The group a route belongs to in the metrics: its first fixed segment after the language
 * ("/:lang/requests/:id" → "requests", "/open311/v2/…" → "open311", "/:lang" → "home").
 */
export function routeGroup(route: string | undefined): string {
  if (!route) return "unmatched";
  const segments = route.split("/").filter((s) => s && s !== ":lang");
  return segments[0]?.replace(/[^a-z0-9-]/gi, "") || "home";
}

/** Liveness, readiness and Prometheus metrics. None of them is rate-limited: probes poll them. */
export const opsPlugin = fp(
  async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const duration = new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request duration (and, by its count, rate) by route group, method and status",
      labelNames: ["method", "group", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    const { database } = app;
    new Gauge({
      name: "sharek_outbox_messages",
      help: "Mails and SMS in the outbox waiting to be sent (pending) or given up (failed)",
      labelNames: ["status"],
      registers: [registry],
      async collect() {
        const rows = await database.query<{ status: string; n: number }>(
          "select status::text, count(*)::int as n from outbox_messages where status <> 'sent' group by status",
        );
        for (const status of ["pending", "failed"]) {
          this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
        }
      },
    });
    new Gauge({
      name: "sharek_jobs",
      help: "Background jobs per queue waiting (created, retry), running (active) or failed",
      labelNames: ["queue", "state"],
      registers: [registry],
      async collect() {
        this.reset();
        const [found] = await database.query<{ present: boolean }>(
          "select to_regclass('pgboss.job') is not null as present",
        );
        if (!found?.present) return;
        const rows = await database.query<{ name: string; state: string; n: number }>(
          `select name, state::text, count(*)::int as n from pgboss.job
           where state in ('created', 'retry', 'active', 'failed') group by name, state`,
        );
        for (const row of rows) this.set({ queue: row.name, state: row.state }, row.n);
      },
    });
    // The daily retention purge (core/personal-data): what each rule purged, read from the
    // database so every node reports the same figures.
    const retentionRows = async () => {
      const [found] = await database.query<{ present: boolean }>(
        "select to_regclass('retention_runs') is not null as present",
      );
      if (!found?.present) return [];
      return database.query<{ rule: string; last_purged: number; total_purged: number; at: number }>(
        "select rule, last_purged, total_purged, extract(epoch from last_run_at)::float8 as at from retention_runs",
      );
    };
    new Gauge({
      name: "sharek_retention_purged_rows",
      help: "Rows purged by each retention rule: in its latest run (run=last) and since it was first applied (run=total)",
      labelNames: ["rule", "run"],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await retentionRows()) {
          this.set({ rule: row.rule, run: "last" }, row.last_purged);
          this.set({ rule: row.rule, run: "total" }, row.total_purged);
        }
      },
    });
    new Gauge({
      name: "sharek_retention_last_run_timestamp_seconds",
      help: "When each retention rule was last applied (Unix time)",
      labelNames: ["rule"],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await retentionRows()) this.set({ rule: row.rule }, Number(row.at));
      },
    });
    if (database.kind === "postgres") {
      const pool = database.driver as pg.Pool;
      new Gauge({
        name: "sharek_db_pool_connections",
        help: "PostgreSQL pool connections: total open, idle, and requests waiting for one",
        labelNames: ["state"],
        registers: [registry],
        collect() {
          this.set({ state: "total" }, pool.totalCount);
          this.set({ state: "idle" }, pool.idleCount);
          this.set({ state: "waiting" }, pool.waitingCount);
        },
      });
    }

    // Private routes are not measured: a counter's scrape time would date each of their uses.
    app.addHook("onResponse", async (request, reply) => {
      if (isPrivateRoute(request)) return;
      duration.observe(
        { method: request.method, group: routeGroup(request.routeOptions.url), status: reply.statusCode },
        reply.elapsedTime / 1000,
      );
    });

    const probe = { config: { rateLimit: false as const } };

    app.get("/healthz", probe, async (_request, reply) => {
      reply.noStore();
      return { status: "ok" };
    });

    app.get("/readyz", probe, async (_request, reply) => {
      reply.noStore();
      const ready = await migrationsApplied(app.database).catch(() => false);
      if (!ready) throw new UnavailableError();
      return { status: "ready", database: app.database.kind };
    });

    app.get("/metrics", probe, async (request, reply) => {
      const token = app.config.METRICS_TOKEN;
      const given = (request.headers.authorization ?? "").replace(/^Bearer /, "");
      if (!token || !sameToken(given, token)) throw new NotFoundError();
      reply.noStore().type(registry.contentType);
      return registry.metrics();
    });
  },
  { name: "sharek-ops", dependencies: ["sharek-config"] },
);
