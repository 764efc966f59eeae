import type { FastifyPluginAsync } from "fastify";
import { sitemapOf } from "../../core/features/registry.js";
import { robotsTxt } from "./robots.js";
import { sitemapFile, sitemapIndex } from "./sitemap.js";

/** What crawlers read first, at the site's root: robots.txt, the sitemap index and one sitemap per kind. */
export const seoRoot: FastifyPluginAsync = async (app) => {
  const { publicUrl } = app.config;
  const sources = sitemapOf(app.features);

  app.get("/robots.txt", async (_request, reply) =>
    reply
      .header("cache-control", "public, max-age=3600")
      .type("text/plain; charset=utf-8")
      .sendShared(robotsTxt(publicUrl)),
  );

  app.get("/sitemap.xml", async (_request, reply) =>
    reply
      .header("cache-control", "public, max-age=3600")
      .type("application/xml; charset=utf-8")
      .sendShared(sitemapIndex(publicUrl, sources)),
  );

  app.get<{ Params: { file: string } }>("/sitemaps/:file", async (request, reply) => {
    const source = sources.find((s) => `${s.kind}.xml` === request.params.file);
    if (!source) return reply.callNotFound();
    return reply
      .header("cache-control", "public, max-age=3600")
      .type("application/xml; charset=utf-8")
      .sendShared(await sitemapFile(app.db, publicUrl, source));
  });
};
