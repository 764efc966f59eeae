import type { FastifyPluginAsync } from "fastify";
import type { Static } from "typebox";
import { getPlatformSettings } from "../../settings/queries.js";
import { FORMATS, list, MIME_TYPES } from "../document.js";
import { notFound } from "../errors.js";
import { w3c } from "../params.js";
import { presentService } from "../present.js";
import { findService, listServices, servicesChangedAt } from "../queries.js";
import {
  ApiQuery,
  type ApiQueryType,
  checkJurisdiction,
  formatOf,
  presenterFor,
  RestParams,
  resourceOf,
  sendDocument,
} from "./api-shared.js";

/** The specification token of GeoReport v2, as discovery names it. */
export const GEOREPORT_V2 = "http://wiki.open311.org/GeoReport_v2";
/** Services change rarely; clients and caches may keep them this long. */
const SERVICES_CACHE_SECONDS = 300;

/** Discovery, the list of services and each service's definition. No API key needed. */
export const open311ServiceRoutes: FastifyPluginAsync = async (api) => {
  api.get<{ Params: Static<typeof RestParams>; Querystring: ApiQueryType }>(
    "/v2/discovery.*",
    { schema: { params: RestParams, querystring: ApiQuery } },
    async (request, reply) => {
      const format = formatOf(request.params["*"]);
      const { locale, t } = presenterFor(request);
      const { config } = api;
      const [changedAt, settings] = await Promise.all([
        servicesChangedAt(api.db),
        getPlatformSettings(api.db),
      ]);
      const changeset = w3c(changedAt);
      const address = settings.contactEmail ?? config.publicUrl;
      return sendDocument(
        reply,
        {
          root: "discovery",
          body: {
            changeset,
            contact: t("open311.discovery.contact", { address }),
            key_service: t("open311.discovery.keyService", { address }),
            endpoints: list("endpoint", [
              {
                specification: GEOREPORT_V2,
                url: `${config.publicUrl}/open311/v2`,
                changeset,
                type: config.isProduction ? "production" : "test",
                formats: list(
                  "format",
                  FORMATS.map((f) => MIME_TYPES[f]),
                ),
              },
            ]),
          },
        },
        format,
        { locale, cacheSeconds: SERVICES_CACHE_SECONDS },
      );
    },
  );

  api.get<{ Params: Static<typeof RestParams>; Querystring: ApiQueryType }>(
    "/v2/services.*",
    { schema: { params: RestParams, querystring: ApiQuery } },
    async (request, reply) => {
      const format = formatOf(request.params["*"]);
      checkJurisdiction(request, request.query.jurisdiction_id);
      const presenter = presenterFor(request);
      const services = await listServices(api.db);
      return sendDocument(
        reply,
        {
          root: "services",
          body: list(
            "service",
            services.map((s) => presentService(s, presenter)),
          ),
        },
        format,
        { locale: presenter.locale, cacheSeconds: SERVICES_CACHE_SECONDS },
      );
    },
  );

  api.get<{ Params: Static<typeof RestParams>; Querystring: ApiQueryType }>(
    "/v2/services/*",
    { schema: { params: RestParams, querystring: ApiQuery } },
    async (request, reply) => {
      const { id: code, format } = resourceOf(request.params["*"], "serviceCodeMissing");
      checkJurisdiction(request, request.query.jurisdiction_id);
      const service = await findService(api.db, code);
      if (!service) throw notFound("serviceCodeUnknown", { code: code.slice(0, 100) });
      // No service has attributes (metadata is false): the definition is its code and no attribute.
      return sendDocument(
        reply,
        { root: "service_definition", body: { service_code: code, attributes: list("attribute", []) } },
        format,
        { locale: presenterFor(request).locale, cacheSeconds: SERVICES_CACHE_SECONDS },
      );
    },
  );
};
