import type { FastifyPluginAsync } from "fastify";
import { summarizeDatasets } from "./catalogue.js";
import { openDataApi } from "./routes/api.js";
import { openDataFileRoutes } from "./routes/files.js";
import { CataloguePage } from "./views/catalogue-page.js";

/**
 * Open data, outside the pages' locale scope: downloads and the DCAT-AP catalogue under
 * /open-data, the REST API under /api/v1 with its OpenAPI description at /api/docs.
 */
export const openDataRoot: FastifyPluginAsync = async (app) => {
  await app.register(openDataFileRoutes);
  await app.register(openDataApi, { prefix: "/api" });
};

/** The catalogue page, /[lang]/open-data. */
export const openDataFeature: FastifyPluginAsync = async (app) => {
  app.get("/open-data", async (request, reply) => {
    reply.header("cache-control", "public, max-age=60");
    return reply.render(
      <CataloguePage
        datasets={await summarizeDatasets(app, request.pageCacheVersion)}
        licence={app.config.OPEN_DATA_LICENCE}
      />,
    );
  });
};
