import { eq } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { requestedPage } from "../../../core/paging.js";
import { structures } from "../../../core/structures/tables.js";
import { canManageNews } from "../policy.js";
import { findNews, listPublishedNews, type NewsCategory } from "../queries.js";
import { NewsParams, NewsQuery } from "../schema.js";
import { newsCategory } from "../tables.js";
import { NewsArticlePage, NewsListPage } from "../views/news-pages.js";

const PAGE_SIZE = 10;

/** The public news: the list (by category, by structure), each article and its image. */
export const publicNewsRoutes: FastifyPluginAsync = async (app) => {
  /** A published item, or a draft for those who may edit it; anything else is not found. */
  const load = async (request: { actor: Parameters<typeof canManageNews>[0] }, id: string) => {
    const item = await findNews(app.db, id);
    if (!item || (!item.published && !canManageNews(request.actor, item))) throw new NotFoundError();
    return item;
  };

  app.get<{ Querystring: NewsQuery }>(
    "/news",
    { schema: { querystring: NewsQuery } },
    async (request, reply) => {
      const wanted = request.query.category ?? "";
      const category = (newsCategory.enumValues as readonly string[]).includes(wanted)
        ? (wanted as NewsCategory)
        : "";
      const code = request.query.structure;
      const [structure] = code
        ? await app.db
            .select({ id: structures.id, code: structures.code, name: structures.name })
            .from(structures)
            .where(eq(structures.code, code))
        : [];
      if (code && !structure) throw new NotFoundError();
      const found = await listPublishedNews(app.db, {
        category: category || undefined,
        structureId: structure?.id,
        page: requestedPage(request.query.page),
        pageSize: PAGE_SIZE,
      });
      reply.header("cache-control", "public, max-age=60");
      return reply.render(
        <NewsListPage
          items={found.rows}
          total={found.total}
          category={category}
          structure={structure ?? null}
          page={found.page}
          totalPages={found.totalPages}
          signedIn={Boolean(request.account)}
        />,
      );
    },
  );

  app.get<{ Params: NewsParams }>("/news/:id", { schema: { params: NewsParams } }, async (request, reply) => {
    const item = await load(request, request.params.id);
    if (item.published) reply.header("cache-control", "public, max-age=60");
    else reply.noStore();
    return reply.render(
      <NewsArticlePage
        item={item}
        url={`${app.config.publicUrl}/${request.locale}/news/${item.id}`}
        canManage={canManageNews(request.actor, item)}
      />,
    );
  });

  app.get<{ Params: NewsParams }>(
    "/news/:id/image",
    { schema: { params: NewsParams } },
    async (request, reply) => {
      const item = await load(request, request.params.id);
      const data = item.imageKey ? await app.files.get(item.imageKey) : null;
      if (!data) throw new NotFoundError();
      return reply
        .header("cache-control", item.published ? "public, max-age=86400" : "no-store")
        .header("x-content-type-options", "nosniff")
        .type(item.imageMime!)
        .send(data);
    },
  );
};
