import { createHash } from "node:crypto";
import fastifySwagger from "@fastify/swagger";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { BadRequestError } from "../../../core/errors/app-error.js";
import { datasetsOf } from "../../../core/features/registry.js";
import { findClientByKey } from "../../open311/queries.js";
import { type ColumnType, type Dataset, releaseOf } from "../dataset.js";

/** Page sizes of the API: the default, and the most a client may ask for. */
export const API_PAGE = { default: 100, max: 1000 };
/** Requests a minute: per address without a key, per client application with one. */
export const API_QUOTA = { anonymous: 120, keyed: 3000 };

const ERROR = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        details: { type: "object", additionalProperties: true },
      },
    },
  },
} as const;

function columnSchema(type: ColumnType) {
  const base = type.replace("?", "");
  return type.endsWith("?") ? { type: [base, "null"] } : { type: base };
}

function pageSchema(dataset: Dataset) {
  return {
    type: "object",
    required: ["data", "next"],
    properties: {
      data: {
        type: "array",
        items: {
          type: "object",
          required: Object.keys(dataset.columns),
          properties: Object.fromEntries(
            Object.entries(dataset.columns).map(([name, type]) => [name, columnSchema(type)]),
          ),
        },
      },
      next: {
        type: ["string", "null"],
        description: "URL of the next page, or null on the last one.",
      },
    },
  };
}

/** The client application behind the request's API key (header X-API-Key), looked up once. */
async function clientOf(request: FastifyRequest): Promise<string | null> {
  const cached = (request as { apiClient?: string | null }).apiClient;
  if (cached !== undefined) return cached;
  const key = request.headers["x-api-key"];
  const client = typeof key === "string" ? await findClientByKey(request.server.db, key) : null;
  (request as { apiClient?: string | null }).apiClient = client?.id ?? null;
  return client?.id ?? null;
}

/**
 * The public REST API: /api/v1/<collection> for every dataset (cursor pagination, ETags, CORS for
 * reading, a quota per address or per API key) and its OpenAPI 3.1 description at /api/docs,
 * generated from these routes' schemas.
 */
export const openDataApi: FastifyPluginAsync = async (app) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Sharek public API",
        version: "1.0.0",
        description:
          "Open data of the Sharek participation portal, page by page. Every collection answers with `data` (the rows) and `next` (the next page's URL, null on the last). Send `If-None-Match` with a page's ETag to get 304 when it has not changed. Without a key each address may make 120 requests a minute; client applications with a key (header `X-API-Key`) get 3,000.",
        license: { name: "Licence of the data", url: app.config.OPEN_DATA_LICENCE },
      },
      servers: [{ url: app.config.publicUrl }],
      components: {
        securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "X-API-Key" } },
      },
    },
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" || !request.url.startsWith("/api/v1/")) return payload;
    reply.header("access-control-allow-origin", "*");
    reply.header("access-control-expose-headers", "ETag, Retry-After");
    if (reply.statusCode !== 200 || typeof payload !== "string") return payload;
    const etag = `"${createHash("sha256").update(payload).digest("base64url").slice(0, 27)}"`;
    reply.header("etag", etag).header("cache-control", "public, max-age=60");
    if (request.headers["if-none-match"] === etag) {
      reply.code(304);
      return "";
    }
    return payload;
  });

  app.options("/v1/*", { schema: { hide: true } }, async (_request, reply) =>
    reply
      .code(204)
      .header("access-control-allow-origin", "*")
      .header("access-control-allow-methods", "GET")
      .header("access-control-allow-headers", "X-API-Key, If-None-Match")
      .header("access-control-max-age", "86400")
      .send(),
  );

  const quota = {
    max: async (request: FastifyRequest) =>
      (await clientOf(request)) ? API_QUOTA.keyed : API_QUOTA.anonymous,
    timeWindow: 60_000,
    keyGenerator: async (request: FastifyRequest) => {
      const client = await clientOf(request);
      return client ? `client:${client}` : `api:${request.ip}`;
    },
  };

  for (const { dataset, apiPath } of datasetsOf(app.features)) {
    app.get<{ Querystring: { cursor?: string; limit?: number } }>(
      `/v1${apiPath}`,
      {
        config: { rateLimit: quota },
        schema: {
          summary: `The ${dataset.id} dataset, page by page`,
          operationId: dataset.id,
          security: [{}, { apiKey: [] }],
          querystring: {
            type: "object",
            properties: {
              cursor: { type: "string", maxLength: 500, description: "From a previous page's `next`." },
              limit: {
                type: "integer",
                minimum: 1,
                maximum: API_PAGE.max,
                default: API_PAGE.default,
                description:
                  dataset.id === "request-statistics"
                    ? "How many structures' rows the page holds."
                    : "Rows per page.",
              },
            },
          },
          response: { 200: pageSchema(dataset), 400: ERROR, 429: ERROR },
        },
        // Schema errors are the client's: the catalogue's error shape, in the client's language.
        attachValidation: true,
      },
      async (request) => {
        if (request.validationError) throw new BadRequestError({ problem: request.validationError.message });
        const { cursor, limit = API_PAGE.default } = request.query;
        const page = await dataset.page(
          { db: request.server.db, secret: app.config.cookieSecret, release: releaseOf(new Date()) },
          cursor ?? null,
          limit,
        );
        const next = page.next
          ? `${app.config.publicUrl}/api/v1${apiPath}?${new URLSearchParams({ cursor: page.next, limit: String(limit) })}`
          : null;
        return { data: page.rows, next };
      },
    );
  }

  app.get("/docs", { schema: { hide: true } }, async (_request, reply) => {
    reply.header("access-control-allow-origin", "*").header("cache-control", "public, max-age=300");
    return app.swagger();
  });
};
