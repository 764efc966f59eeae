import type { FastifyPluginAsync } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import type { FieldErrors } from "../../../core/forms.js";
import { type CategoryField, createCategory } from "../commands/create-category.js";
import { retireCategory } from "../commands/retire-category.js";
import type { NamesField } from "../commands/structure-fields.js";
import { updateCategory } from "../commands/update-category.js";
import { listCategories, type Structure, type StructureCategory } from "../queries.js";
import { CategoryBody, CategoryParams, EmptyBody, StructureParams } from "../schema.js";
import { CategoriesPage } from "../views/admin/categories-page.js";
import { CategoryEditPage } from "../views/admin/category-edit-page.js";
import { changeContext, loadCategory, loadStructure } from "./load.js";

/** A structure's request categories: platform admins and the structure's own admins. */
export const adminCategoriesRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  const listPage = async (
    structure: Structure,
    values: Partial<Record<CategoryField, string>> = {},
    errors?: FieldErrors<CategoryField>,
  ) => (
    <CategoriesPage
      structure={structure}
      categories={await listCategories(app.db, structure.id, { includeRetired: true })}
      values={values}
      errors={errors}
    />
  );

  app.get<{ Params: StructureParams }>(
    "/admin/structures/:id/categories",
    { schema: { params: StructureParams } },
    async (request, reply) => {
      const structure = await loadStructure(request, request.params.id, "manageCategories");
      return reply.render(await listPage(structure));
    },
  );

  app.post<{ Params: StructureParams; Body: CategoryBody }>(
    "/admin/structures/:id/categories",
    { schema: { params: StructureParams, body: CategoryBody } },
    async (request, reply) => {
      const structure = await loadStructure(request, request.params.id, "manageCategories");
      const result = await createCategory(app.db, structure, request.body, changeContext(request));
      if (!result.ok) return reply.render(await listPage(structure, request.body, result.errors), 422);
      return reply.redirectWithFlash(`/admin/structures/${structure.id}/categories`, {
        kind: "success",
        message: "structures.flash.categoryCreated",
      });
    },
  );

  const editPage = (
    structure: Structure,
    category: StructureCategory,
    values: Partial<Record<NamesField, string>>,
    errors?: FieldErrors<NamesField>,
  ) => <CategoryEditPage structure={structure} category={category} values={values} errors={errors} />;

  app.get<{ Params: CategoryParams }>(
    "/admin/structures/:id/categories/:categoryId/edit",
    { schema: { params: CategoryParams } },
    async (request, reply) => {
      const { structure, category } = await loadCategory(
        request,
        request.params.id,
        request.params.categoryId,
      );
      const { ar, fr, en } = category.name;
      return reply.render(editPage(structure, category, { nameAr: ar, nameFr: fr, nameEn: en }));
    },
  );

  app.post<{ Params: CategoryParams; Body: CategoryBody }>(
    "/admin/structures/:id/categories/:categoryId/edit",
    { schema: { params: CategoryParams, body: CategoryBody } },
    async (request, reply) => {
      const { structure, category } = await loadCategory(
        request,
        request.params.id,
        request.params.categoryId,
      );
      const result = await updateCategory(app.db, category, request.body, changeContext(request));
      if (!result.ok) return reply.render(editPage(structure, category, request.body, result.errors), 422);
      return reply.redirectWithFlash(`/admin/structures/${structure.id}/categories`, {
        kind: "success",
        message: result.value.changed ? "structures.flash.categoryUpdated" : "structures.flash.unchanged",
      });
    },
  );

  app.post<{ Params: CategoryParams }>(
    "/admin/structures/:id/categories/:categoryId/retire",
    { schema: { params: CategoryParams, body: EmptyBody } },
    async (request, reply) => {
      const { structure, category } = await loadCategory(
        request,
        request.params.id,
        request.params.categoryId,
      );
      const retired = await retireCategory(app.db, category, changeContext(request));
      return reply.redirectWithFlash(`/admin/structures/${structure.id}/categories`, {
        kind: retired ? "success" : "info",
        message: retired ? "structures.flash.categoryRetired" : "structures.flash.unchanged",
      });
    },
  );
};
