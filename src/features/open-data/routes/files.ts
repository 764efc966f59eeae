import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { datasetsOf } from "../../../core/features/registry.js";
import { catalogueInput, findDataset, installedOn, summarizeDatasets } from "../catalogue.js";
import { csvStream, jsonStream, releaseOf } from "../dataset.js";
import { catalogueQuads, toJsonLd, toTurtle } from "../dcat.js";

/**
 * Downloads at /open-data/<dataset>.csv|.json, streamed from the database as they are read, and
 * the DCAT-AP catalogue at /open-data/catalog.jsonld|.ttl. Language-neutral, so at the root.
 */
export const openDataFileRoutes: FastifyPluginAsync = async (app) => {
  const catalogue = async () =>
    catalogueQuads(
      catalogueInput(
        app.config.publicUrl,
        app.config.OPEN_DATA_LICENCE,
        await installedOn(app.db),
        await summarizeDatasets(app),
      ),
    );

  app.get("/open-data/catalog.jsonld", async (_request, reply) => {
    reply.header("cache-control", "public, max-age=300").type("application/ld+json; charset=utf-8");
    return JSON.stringify(toJsonLd(await catalogue()), null, 2);
  });

  app.get("/open-data/catalog.ttl", async (_request, reply) => {
    reply.header("cache-control", "public, max-age=300").type("text/turtle; charset=utf-8");
    return toTurtle(await catalogue());
  });

  app.get<{ Params: { file: string } }>(
    "/open-data/:file",
    { schema: { params: { type: "object", properties: { file: { type: "string", maxLength: 80 } } } } },
    async (request, reply) => {
      const match = /^([a-z0-9-]+)\.(csv|json)$/.exec(request.params.file);
      const dataset = match ? findDataset(datasetsOf(app.features), match[1]!) : undefined;
      if (!match || !dataset) throw new NotFoundError();
      const format = match[2] as "csv" | "json";
      reply
        .header("cache-control", "public, max-age=300")
        .header("content-disposition", `attachment; filename="sharek-${dataset.id}.${format}"`)
        .header("access-control-allow-origin", "*")
        .type(
          format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8",
        );
      const source = { db: app.db, secret: app.config.cookieSecret, release: releaseOf(new Date()) };
      return reply.send(format === "csv" ? csvStream(source, dataset) : jsonStream(source, dataset));
    },
  );
};
