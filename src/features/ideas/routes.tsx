import type { FastifyPluginAsync } from "fastify";
import Type, { type Static } from "typebox";
import { requestedPage } from "../../core/paging.js";
import { listGovernorates } from "../structures/queries.js";
import { ideaPageRoutes } from "./idea-page-routes.js";
import { newIdeaRoutes } from "./new-idea-routes.js";
import { listIdeas, listStructuresWithIdeas, listThemes } from "./queries.js";
import { Code } from "./route-schemas.js";
import { IDEA_STATUSES, type IdeaSort, type IdeaStatus, SORTS } from "./rules.js";
import { IdeasPage } from "./views/list-pages.js";

const ListQuery = Type.Object({
  sort: Code(20),
  structure: Code(80),
  theme: Code(80),
  area: Code(20),
  status: Code(20),
  page: Type.Optional(Type.String({ maxLength: 6 })),
});

/** The idea box: the list, the form (with similar ideas), each idea's page and its actions. */
export const ideaRoutes: FastifyPluginAsync = async (app) => {
  await app.register(newIdeaRoutes);
  await app.register(ideaPageRoutes);

  app.get("/ideas", { schema: { querystring: ListQuery } }, async (request, reply) => {
    reply.header("cache-control", "public, max-age=30");
    const q = request.query as Static<typeof ListQuery>;
    const sort = (SORTS as readonly string[]).includes(q.sort ?? "") ? (q.sort as IdeaSort) : "supported";
    const status = (IDEA_STATUSES as readonly string[]).includes(q.status ?? "")
      ? (q.status as IdeaStatus)
      : undefined;
    const filters = {
      sort,
      status,
      structure: q.structure || undefined,
      theme: q.theme || undefined,
      area: q.area || undefined,
      page: requestedPage(q.page),
    };
    const { rows, total, page, totalPages } = await listIdeas(app.db, filters);
    const [structures, themes, areas] = await Promise.all([
      listStructuresWithIdeas(app.db),
      listThemes(app.db),
      listGovernorates(app.db),
    ]);
    return reply.render(
      <IdeasPage
        rows={rows}
        total={total}
        filters={{ ...filters, page }}
        totalPages={totalPages}
        options={{ structures, themes, areas }}
      />,
    );
  });
};
