import type { FastifyPluginAsync } from "fastify";
import { requirePlatformAdmin } from "../../core/auth/plugin.js";
import { NotFoundError } from "../../core/errors/app-error.js";
import type { FieldErrors } from "../../core/forms.js";
import { changeContext } from "../structures/routes/load.js";
import { type ArticleField, saveArticle } from "./commands/save-article.js";
import { findHelpArticle, findHelpArticleById, type HelpArticle, listHelpArticles } from "./queries.js";
import { ArticleBody, HelpQuery, IdParams, SlugParams } from "./schema.js";
import { ArticleFormPage, HelpAdminPage } from "./views/admin-pages.js";
import { ArticlePage, HelpPage } from "./views/help-pages.js";

/** The help and training centre: public guides and FAQ with a search; platform admins edit them. */
export const helpFeature: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: HelpQuery }>(
    "/help",
    { schema: { querystring: HelpQuery } },
    async (request, reply) => {
      const q = (request.query.q ?? "").trim();
      reply.header("cache-control", "public, max-age=60");
      return reply.render(<HelpPage q={q} articles={await listHelpArticles(app.db, q)} />);
    },
  );

  app.get<{ Params: SlugParams }>(
    "/help/:slug",
    { schema: { params: SlugParams } },
    async (request, reply) => {
      const article = await findHelpArticle(app.db, request.params.slug);
      if (article?.kind !== "guide") throw new NotFoundError();
      reply.header("cache-control", "public, max-age=60");
      return reply.render(<ArticlePage article={article} />);
    },
  );

  await app.register(async (admin) => {
    admin.addHook("preHandler", requirePlatformAdmin);
    admin.addHook("onSend", async (_request, reply) => {
      reply.noStore();
    });
    const form = (
      values: Partial<Record<ArticleField, string>>,
      errors?: FieldErrors<ArticleField>,
      article?: HelpArticle,
    ) => <ArticleFormPage article={article} values={values} errors={errors} />;
    const load = async (id: string) => {
      const article = await findHelpArticleById(app.db, id);
      if (!article) throw new NotFoundError();
      return article;
    };

    admin.get("/admin/help", async (_request, reply) =>
      reply.render(<HelpAdminPage articles={await listHelpArticles(app.db)} />),
    );
    admin.get("/admin/help/new", async (_request, reply) =>
      reply.render(form({ kind: "guide", position: "10" })),
    );
    admin.post<{ Body: ArticleBody }>(
      "/admin/help/new",
      { schema: { body: ArticleBody } },
      async (request, reply) => {
        const result = await saveArticle(app.db, null, request.body, changeContext(request));
        if (!result.ok) return reply.render(form(request.body, result.errors), 422);
        return reply.redirectWithFlash("/admin/help", { kind: "success", message: "help.flash.saved" });
      },
    );
    admin.get<{ Params: IdParams }>(
      "/admin/help/:id/edit",
      { schema: { params: IdParams } },
      async (request, reply) => {
        const a = await load(request.params.id);
        const values = {
          slug: a.slug,
          kind: a.kind,
          position: String(a.position),
          titleAr: a.title.ar,
          titleFr: a.title.fr,
          titleEn: a.title.en,
          bodyAr: a.body.ar,
          bodyFr: a.body.fr,
          bodyEn: a.body.en,
        };
        return reply.render(form(values, undefined, a));
      },
    );
    admin.post<{ Params: IdParams; Body: ArticleBody }>(
      "/admin/help/:id/edit",
      { schema: { params: IdParams, body: ArticleBody } },
      async (request, reply) => {
        const article = await load(request.params.id);
        const result = await saveArticle(app.db, article, request.body, changeContext(request));
        if (!result.ok) return reply.render(form(request.body, result.errors, article), 422);
        return reply.redirectWithFlash("/admin/help", { kind: "success", message: "help.flash.saved" });
      },
    );
  });
};
