import { inArray } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import type { FieldErrors, UploadedFile } from "../../../core/forms.js";
import { readUpload } from "../../../core/security/uploads.js";
import { structures } from "../../../core/structures/tables.js";
import { changeContext } from "../../structures/routes/load.js";
import { changeNews, type NewsChange } from "../commands/publish-news.js";
import {
  createNews,
  NEWS_LIMITS,
  type NewsField,
  type NewsInput,
  updateNews,
} from "../commands/save-news.js";
import { canManageNews, newsScope } from "../policy.js";
import { findNews, listManagedNews, type NewsItem } from "../queries.js";
import { EmptyBody, NewsParams } from "../schema.js";
import { NewsAdminPage, NewsFormPage, type NewsValues } from "../views/admin-pages.js";

const IMAGE_UPLOAD = { upload: { maxFileSize: NEWS_LIMITS.imageBytes, maxFiles: 1 } };

/** News in the admin area: structure staff write their structure's news, platform admins any. */
export const adminNewsRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  /** An item the actor may manage; one of another structure is not found, as an unknown id is. */
  const load = async (request: FastifyRequest, id: string): Promise<NewsItem> => {
    const item = await findNews(app.db, id);
    if (!item || !canManageNews(request.actor, item)) throw new NotFoundError();
    return item;
  };
  const writers = async (request: FastifyRequest) => {
    const scope = newsScope(request.actor);
    const rows =
      scope !== "all" && scope.length === 0
        ? []
        : await app.db
            .select({ id: structures.id, name: structures.name })
            .from(structures)
            .where(scope === "all" ? undefined : inArray(structures.id, scope))
            .orderBy(structures.code);
    return { rows, allowed: scope === "all" ? ("all" as const) : new Set(scope) };
  };
  const formPage = async (
    request: FastifyRequest,
    values: NewsValues,
    errors?: FieldErrors<NewsField>,
    item?: NewsItem,
  ) => <NewsFormPage item={item} values={values} errors={errors} writers={(await writers(request)).rows} />;
  const readForm = async (request: FastifyRequest) => {
    const { fields, files } = await readUpload(request);
    return { input: fields as NewsInput, images: files.filter((f: UploadedFile) => f.field === "image") };
  };
  const context = (request: FastifyRequest) => ({ ...changeContext(request), files: app.files });

  app.get("/admin/news", async (request, reply) => {
    if (!canManageNews(request.actor, null)) throw new ForbiddenError();
    return reply.render(
      <NewsAdminPage items={await listManagedNews(app.db, newsScope(request.actor))} canCreate />,
    );
  });

  app.get("/admin/news/new", async (request, reply) => {
    if (!canManageNews(request.actor, null)) throw new ForbiddenError();
    return reply.render(await formPage(request, {}));
  });

  app.post("/admin/news/new", { config: IMAGE_UPLOAD }, async (request, reply) => {
    if (!canManageNews(request.actor, null)) throw new ForbiddenError();
    const { input, images } = await readForm(request);
    const result = await createNews(
      app.db,
      input,
      images,
      (await writers(request)).allowed,
      context(request),
    );
    if (!result.ok) return reply.render(await formPage(request, input, result.errors), 422);
    return reply.redirectWithFlash(`/admin/news/${result.value.id}/edit`, {
      kind: "success",
      message: "news.flash.created",
    });
  });

  app.get<{ Params: NewsParams }>(
    "/admin/news/:id/edit",
    { schema: { params: NewsParams } },
    async (request, reply) => {
      const item = await load(request, request.params.id);
      const values: NewsValues = {
        structureId: item.structureId,
        category: item.category,
        titleAr: item.title.ar,
        titleFr: item.title.fr,
        titleEn: item.title.en,
        summaryAr: item.summary.ar,
        summaryFr: item.summary.fr,
        summaryEn: item.summary.en,
        bodyAr: item.body.ar,
        bodyFr: item.body.fr,
        bodyEn: item.body.en,
        imageAltAr: item.imageAlt.ar,
        imageAltFr: item.imageAlt.fr,
        imageAltEn: item.imageAlt.en,
      };
      return reply.render(await formPage(request, values, undefined, item));
    },
  );

  app.post<{ Params: NewsParams }>(
    "/admin/news/:id/edit",
    { schema: { params: NewsParams }, config: IMAGE_UPLOAD },
    async (request, reply) => {
      const item = await load(request, request.params.id);
      const { input, images } = await readForm(request);
      const result = await updateNews(
        app.db,
        item,
        input,
        images,
        (await writers(request)).allowed,
        context(request),
      );
      if (!result.ok) return reply.render(await formPage(request, input, result.errors, item), 422);
      return reply.redirectWithFlash(`/admin/news/${item.id}/edit`, {
        kind: "success",
        message: "news.flash.updated",
      });
    },
  );

  for (const change of ["publish", "unpublish", "pin", "unpin"] as const satisfies NewsChange[]) {
    app.post<{ Params: NewsParams }>(
      `/admin/news/:id/${change}`,
      { schema: { params: NewsParams, body: EmptyBody } },
      async (request, reply) => {
        const item = await load(request, request.params.id);
        const changed = await changeNews(app.db, item, change, changeContext(request));
        return reply.redirectWithFlash(`/admin/news/${item.id}/edit`, {
          kind: changed ? "success" : "info",
          message: changed ? `news.flash.${change}` : "news.flash.unchanged",
        });
      },
    );
  }
};
