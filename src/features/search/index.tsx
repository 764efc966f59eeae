import type { FastifyPluginAsync } from "fastify";
import Type, { type Static } from "typebox";
import { searchOf } from "../../core/features/registry.js";
import { requestedPage } from "../../core/paging.js";
import { findStructureByCode, listGovernorates, search } from "./queries.js";
import { SearchPage } from "./views/search-page.js";

const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  structure: Type.Optional(Type.String({ maxLength: 100 })),
  place: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.String({ maxLength: 10 })),
});
type SearchQuery = Static<typeof SearchQuery>;

/**
 * /:lang/search: one search across every feature's public documents (`search` in its manifest),
 * a plain GET form that works without JavaScript. Filters that name nothing known are left out.
 */
export const searchFeature: FastifyPluginAsync = async (app) => {
  const sources = searchOf(app.features);
  const kinds = sources.map((s) => ({ kind: s.kind, labelKey: s.labelKey }));

  app.get<{ Querystring: SearchQuery }>(
    "/search",
    {
      schema: { querystring: SearchQuery },
      // Anyone may search, and each search reads the whole index: a person types, a robot floods.
      config: { rateLimit: { max: 120, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const q = (request.query.q ?? "").trim();
      const kind = sources.some((s) => s.kind === request.query.kind) ? request.query.kind : undefined;
      const governorates = await listGovernorates(app.db);
      const place = governorates.some((g) => g.code === request.query.place)
        ? request.query.place
        : undefined;
      const structure = request.query.structure
        ? await findStructureByCode(app.db, request.query.structure)
        : null;
      const result = await search(app.db, sources, request.locale, {
        q,
        kind,
        structureId: structure?.id,
        governorateCode: place,
        page: requestedPage(request.query.page),
      });
      // Results follow every change at once: never kept by a cache.
      reply.header("cache-control", "no-cache");
      return reply.render(
        <SearchPage
          filters={{ q, kind, place, structure: structure ?? undefined }}
          result={result}
          kinds={kinds}
          governorates={governorates}
        />,
      );
    },
  );
};
