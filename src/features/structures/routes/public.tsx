import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { feedsOf, renderPanels } from "../../../core/features/registry.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { requestedPage } from "../../../core/paging.js";
import { structureCaseStats } from "../../cases/stats/queries.js";
import { buildDirectory, paginateGroups } from "../directory.js";
import {
  findStructurePage,
  listDirectoryNodes,
  listGovernorates,
  listStructuresByIds,
  searchStructures,
} from "../queries.js";
import { CodeParams, DirectoryQuery } from "../schema.js";
import { DirectoryPage, type DirectoryView } from "../views/directory-page.js";
import { StructurePage } from "../views/structure-page.js";

const SEARCH_PAGE_SIZE = 20;

/** The directory is the same for everyone: shared caches may keep it a minute (reply.render makes a signed-in visitor's copy private). */
function cacheable(_request: FastifyRequest, reply: FastifyReply) {
  reply.header("cache-control", "public, max-age=60");
}

export const publicRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: DirectoryQuery }>(
    "/structures",
    { schema: { querystring: DirectoryQuery } },
    async (request, reply) => {
      const q = (request.query.q ?? "").trim();
      const governorates = await listGovernorates(app.db);
      const wanted = (request.query.governorate ?? "").toUpperCase();
      const governorate = governorates.some((g) => g.code === wanted) ? wanted : "";
      const page = requestedPage(request.query.page);
      let view: DirectoryView;
      let paging: { page: number; totalPages: number };
      if (q) {
        const found = await searchStructures(app.db, {
          q,
          governorate: governorate || undefined,
          page,
          pageSize: SEARCH_PAGE_SIZE,
        });
        const parentIds = [...new Set(found.rows.map((r) => r.parentId).filter((id): id is string => !!id))];
        const parents = new Map<string, LocalizedText>(
          (await listStructuresByIds(app.db, parentIds)).map((p) => [p.id, p.name]),
        );
        view = { mode: "search", results: found.rows, total: found.total, parents };
        paging = found;
      } else {
        const groups = buildDirectory(await listDirectoryNodes(app.db), {
          locale: request.locale,
          governorateOrder: governorates.map((g) => g.code),
          governorate: governorate || undefined,
        });
        const cut = paginateGroups(groups, page);
        view = { mode: "tree", groups: cut.groups };
        paging = cut;
      }
      cacheable(request, reply);
      return reply.render(
        <DirectoryPage
          q={q}
          governorate={governorate}
          governorates={governorates}
          view={view}
          page={paging.page}
          totalPages={paging.totalPages}
        />,
      );
    },
  );

  app.get<{ Params: CodeParams }>(
    "/structures/:code",
    { schema: { params: CodeParams } },
    async (request, reply) => {
      // Retired structures still answer (with a banner): their history stays reachable.
      const data = await findStructurePage(app.db, request.params.code);
      if (!data) throw new NotFoundError();
      const caseStats = await structureCaseStats(app.db, data.structure.id);
      cacheable(request, reply);
      const name = pickLocalized(data.structure.name, request.locale).text;
      const feeds = feedsOf(app.features).map((f) => ({
        title: `${request.t(f.titleKey)} · ${name}`,
        path: `/feeds/${f.kind}.atom?structure=${encodeURIComponent(data.structure.code)}`,
      }));
      const panels = await renderPanels(app.features, "structure", app.db, data.structure.id);
      return reply.render(<StructurePage data={{ ...data, caseStats }} feeds={feeds} panels={panels} />);
    },
  );
};
