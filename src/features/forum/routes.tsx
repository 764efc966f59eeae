import type { FastifyPluginAsync } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount } from "../../core/auth/plugin.js";
import { NotFoundError } from "../../core/errors/app-error.js";
import { formSchema } from "../../core/forms.js";
import { requestedPage } from "../../core/paging.js";
import { submissionLimit } from "../../core/security/submission-limit.js";
import { forumAdminRoutes } from "./admin-routes.js";
import { startThread } from "./commands/posts.js";
import { findCategory, listCategories, listThreads } from "./queries.js";
import { threadRoutes } from "./thread-routes.js";
import { CategoryPage, ForumPage, NewThreadPage } from "./views/forum-pages.js";

const SlugParams = Type.Object({
  lang: Type.String(),
  slug: Type.String({ maxLength: 40, pattern: "^[a-z0-9-]+$" }),
});
const PageQuery = Type.Object({ page: Type.Optional(Type.String({ maxLength: 6, pattern: "^[0-9]*$" })) });

/** The dialogue forum: categories, threads, replies with quotes, official answers, staff tools. */
export const forumRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);
  await app.register(threadRoutes);
  await app.register(forumAdminRoutes);

  app.get("/forum", async (request, reply) =>
    reply.render(
      <ForumPage categories={await listCategories(app.db)} manage={request.actor.platformAdmin} />,
    ),
  );

  async function activeCategory(slug: string) {
    const category = await findCategory(app.db, { slug });
    if (!category || category.archivedAt) throw new NotFoundError();
    return category;
  }

  app.get(
    "/forum/:slug",
    { schema: { params: SlugParams, querystring: PageQuery } },
    async (request, reply) => {
      const category = await activeCategory((request.params as Static<typeof SlugParams>).slug);
      const { rows, total, page, totalPages } = await listThreads(
        app.db,
        category.id,
        requestedPage((request.query as Static<typeof PageQuery>).page),
      );
      return reply.render(
        <CategoryPage
          category={category}
          threads={rows}
          total={total}
          page={page}
          totalPages={totalPages}
          signedIn={request.account !== null}
        />,
      );
    },
  );

  app.get(
    "/forum/:slug/new",
    { schema: { params: SlugParams }, preHandler: requireAccount, config: { funnel: "forum_thread" } },
    async (request, reply) => {
      const category = await activeCategory((request.params as Static<typeof SlugParams>).slug);
      return reply.render(<NewThreadPage category={category} />);
    },
  );

  app.post(
    "/forum/:slug/threads",
    {
      schema: { params: SlugParams, body: formSchema({ title: 300, body: 20_000 }) },
      preHandler: requireAccount,
      config: { ...submissions, funnel: "forum_thread" },
    },
    async (request, reply) => {
      const category = await activeCategory((request.params as Static<typeof SlugParams>).slug);
      const values = request.body as Record<string, string>;
      const result = await startThread(app.db, category.id, request.account!.id, values);
      if (!result.ok)
        return reply.render(
          <NewThreadPage category={category} values={values} errors={result.errors} />,
          422,
        );
      return reply.redirectWithFlash(`/forum/threads/${result.value.id}`, {
        kind: "success",
        message: result.value.held ? "forum.flash.held" : "forum.flash.published",
      });
    },
  );
};
