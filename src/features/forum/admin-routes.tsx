import type { FastifyPluginAsync } from "fastify";
import { requirePlatformAdmin } from "../../core/auth/plugin.js";
import { NotFoundError } from "../../core/errors/app-error.js";
import { formSchema } from "../../core/forms.js";
import { isUuid } from "../../core/ids.js";
import { type CategoryInput, saveCategory } from "./commands/categories.js";
import { findCategory, listCategories } from "./queries.js";
import { CategoriesAdminPage } from "./views/admin-page.js";

const CategoryBody = formSchema({
  slug: 100,
  name_ar: 200,
  name_fr: 200,
  name_en: 200,
  description_ar: 1000,
  description_fr: 1000,
  description_en: 1000,
  position: 10,
  archived: 1,
});

/** The forum's categories, kept by platform admins. */
export const forumAdminRoutes: FastifyPluginAsync = async (app) => {
  app.get("/admin/forum", { preHandler: requirePlatformAdmin }, async (_request, reply) =>
    reply
      .noStore()
      .render(<CategoriesAdminPage categories={await listCategories(app.db, { withArchived: true })} />),
  );

  for (const path of ["/admin/forum", "/admin/forum/:id"]) {
    app.post(
      path,
      { schema: { body: CategoryBody }, preHandler: requirePlatformAdmin },
      async (request, reply) => {
        const id = (request.params as { id?: string }).id ?? null;
        if (id !== null && (!isUuid(id) || !(await findCategory(app.db, { id })))) throw new NotFoundError();
        const values = request.body as CategoryInput;
        const result = await saveCategory(app.db, id, values, request);
        if (!result.ok)
          return reply.render(
            <CategoriesAdminPage
              categories={await listCategories(app.db, { withArchived: true })}
              editing={id ?? "new"}
              values={values}
              errors={result.errors}
            />,
            422,
          );
        return reply.redirectWithFlash("/admin/forum", {
          kind: "success",
          message: "forum.flash.categorySaved",
        });
      },
    );
  }
};
