import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { Static } from "typebox";
import { formatDate } from "../../../core/i18n/format.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { submitOpen311Request } from "../commands/submit-request.js";
import { list } from "../document.js";
import { badRequest, notFound, Open311Error, type ProblemEntry } from "../errors.js";
import { many, one, parseW3cDateTime } from "../params.js";
import { presentRequest } from "../present.js";
import {
  findClientByKey,
  findRequestsByReference,
  listRequests,
  MAX_REQUESTS,
  OPEN311_STATUSES,
  type Open311Client,
  type Open311Status,
  type RequestRow,
} from "../queries.js";
import {
  ApiQuery,
  type ApiQueryType,
  checkJurisdiction,
  formatOf,
  PostBody,
  type PostBodyType,
  presenterFor,
  RestParams,
  resourceOf,
  sendDocument,
} from "./api-shared.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The client application whose API key came with the request (POST requests only). */
    open311Client: Open311Client | null;
  }
}

const DAY = 24 * 3600 * 1000;
/** The widest window GET requests searches, and the one it searches when not told. */
const WINDOW_DAYS = 90;
/** POSTs per minute per API key (or per address, for requests without a valid key). */
export const POST_RATE_LIMIT = 120;
const REQUESTS_CACHE_SECONDS = 60;
const REFERENCE = /^EC-\d{4}-\d{6,}$/;

type Window = { from: Date; to: Date };

/**
 * The period to search: the dates given (at most 90 days apart), or 90 days from the one given,
 * or the last 90 days. Every problem with the dates is reported at once.
 */
function windowOf(query: ApiQueryType, problems: ProblemEntry[]): Window | null {
  const read = (values: string[] | undefined, key: string) => {
    const raw = (one(values) ?? "").trim();
    if (!raw) return undefined;
    const date = parseW3cDateTime(raw);
    if (!date) problems.push({ key, values: { value: raw.slice(0, 40) } });
    return date ?? null;
  };
  const start = read(query.start_date, "startDateInvalid");
  const end = read(query.end_date, "endDateInvalid");
  if (start === null || end === null) return null;
  if (start && end) {
    if (end < start) problems.push({ key: "dateOrder" });
    else if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY)
      problems.push({ key: "dateSpan", values: { days: WINDOW_DAYS } });
    return { from: start, to: end };
  }
  if (start) return { from: start, to: new Date(start.getTime() + WINDOW_DAYS * DAY) };
  const to = end ?? new Date();
  return { from: new Date(to.getTime() - WINDOW_DAYS * DAY), to };
}

async function findRequests(request: FastifyRequest<{ Querystring: ApiQueryType }>): Promise<RequestRow[]> {
  const { query } = request;
  const { db } = request.server;
  // service_request_id overrides every other argument.
  const references = many(query.service_request_id);
  if (references.length > MAX_REQUESTS)
    throw badRequest({ key: "tooManyIds", values: { max: MAX_REQUESTS } });
  if (references.length > 0)
    return findRequestsByReference(
      db,
      references.filter((r) => REFERENCE.test(r)),
    );

  const problems: ProblemEntry[] = [];
  const statuses = many(query.status);
  const unknown = statuses.find((s) => !(s in OPEN311_STATUSES));
  if (unknown) problems.push({ key: "statusInvalid", values: { value: unknown.slice(0, 40) } });
  const window = windowOf(query, problems);
  if (problems.length > 0 || !window) throw badRequest(...problems);
  return listRequests(db, {
    ...window,
    serviceCodes: many(query.service_code),
    statuses: [...new Set(statuses)] as Open311Status[],
  });
}

/**
 * Reads the API key from the form, or else from the query string (both not yet validated); never
 * throws: the handler refuses requests without a valid key.
 */
async function identifyClient(request: FastifyRequest<{ Body: PostBodyType; Querystring: ApiQueryType }>) {
  const key = one(request.body?.api_key) ?? one(request.query?.api_key);
  request.open311Client = await findClientByKey(request.server.db, key?.trim());
}

/** GET and POST requests, one request, and tokens. */
export const open311RequestRoutes: FastifyPluginAsync = async (api) => {
  api.decorateRequest("open311Client", null);

  api.get<{ Params: Static<typeof RestParams>; Querystring: ApiQueryType }>(
    "/v2/requests.*",
    { schema: { params: RestParams, querystring: ApiQuery } },
    async (request, reply) => {
      const format = formatOf(request.params["*"]);
      checkJurisdiction(request, request.query.jurisdiction_id);
      const presenter = presenterFor(request);
      const rows = await findRequests(request);
      return sendDocument(
        reply,
        {
          root: "service_requests",
          body: list(
            "request",
            rows.map((r) => presentRequest(r, presenter)),
          ),
        },
        format,
        { locale: presenter.locale, cacheSeconds: REQUESTS_CACHE_SECONDS },
      );
    },
  );

  api.post<{ Params: Static<typeof RestParams>; Querystring: ApiQueryType; Body: PostBodyType }>(
    "/v2/requests.*",
    {
      schema: { params: RestParams, querystring: ApiQuery, body: PostBody },
      // Before validation, so malformed bodies count against the limit too.
      preValidation: [identifyClient],
      config: {
        // The API authenticates by key, not by cookie: a cross-site form has no key to ride on.
        csrf: false,
        rateLimit: {
          max: POST_RATE_LIMIT,
          timeWindow: 60_000,
          hook: "preValidation",
          keyGenerator: (request: FastifyRequest) =>
            request.open311Client ? `open311:${request.open311Client.id}` : `open311-ip:${request.ip}`,
        },
      },
    },
    async (request, reply) => {
      const format = formatOf(request.params["*"]);
      const body = request.body ?? {};
      const key = one(body.api_key) ?? one(request.query.api_key);
      if (!request.open311Client)
        throw new Open311Error(403, [{ key: key?.trim() ? "apiKeyInvalid" : "apiKeyMissing" }]);
      checkJurisdiction(request, body.jurisdiction_id ?? request.query.jurisdiction_id);
      const { locale, t } = presenterFor(request);
      const { config } = api;
      const idempotencyKey = request.headers["idempotency-key"];
      const result = await submitOpen311Request(
        {
          db: api.db,
          files: api.files,
          account: null,
          t,
          locale,
          publicUrl: config.publicUrl,
          secret: config.cookieSecret,
        },
        request.open311Client,
        {
          service_code: one(body.service_code),
          lat: one(body.lat),
          long: one(body.long),
          address_string: one(body.address_string),
          address_id: one(body.address_id),
          email: one(body.email),
          phone: one(body.phone),
          first_name: one(body.first_name),
          last_name: one(body.last_name),
          description: one(body.description),
        },
        typeof idempotencyKey === "string" ? idempotencyKey.slice(0, 200) : undefined,
      );
      if (!result.ok) throw result.error;
      const { reference, structureName, dueAt } = result.value;
      const agency = pickLocalized(structureName, locale).text;
      const notice = dueAt
        ? t("open311.notice.withDeadline", { agency, date: formatDate(dueAt, locale) })
        : t("open311.notice.received", { agency });
      return sendDocument(
        reply,
        {
          root: "service_requests",
          body: list("request", [{ service_request_id: reference, service_notice: notice }]),
        },
        format,
        { locale },
      );
    },
  );

  api.get<{ Params: Static<typeof RestParams>; Querystring: ApiQueryType }>(
    "/v2/requests/*",
    { schema: { params: RestParams, querystring: ApiQuery } },
    async (request, reply) => {
      const { id, format } = resourceOf(request.params["*"], "requestIdMissing");
      checkJurisdiction(request, request.query.jurisdiction_id);
      // Unknown, malformed and private requests (complaints…) look the same: not found.
      const [row] = REFERENCE.test(id) ? await findRequestsByReference(api.db, [id]) : [];
      if (!row) throw notFound("requestUnknown", { id: id.slice(0, 40) });
      const presenter = presenterFor(request);
      return sendDocument(
        reply,
        { root: "service_requests", body: list("request", [presentRequest(row, presenter)]) },
        format,
        { locale: presenter.locale, cacheSeconds: REQUESTS_CACHE_SECONDS },
      );
    },
  );

  // Every service is "realtime": POST answers with the request's id and never issues a token.
  api.get<{ Params: Static<typeof RestParams>; Querystring: ApiQueryType }>(
    "/v2/tokens/*",
    { schema: { params: RestParams, querystring: ApiQuery } },
    async (request) => {
      const { id } = resourceOf(request.params["*"], "tokenMissing");
      checkJurisdiction(request, request.query.jurisdiction_id);
      throw notFound("tokenUnknown", { token: id.slice(0, 40) });
    },
  );
};
