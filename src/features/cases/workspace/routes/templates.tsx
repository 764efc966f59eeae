import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../../core/forms.js";
import { isUuid } from "../../../../core/ids.js";
import { listCategories } from "../../../structures/queries.js";
import { CENTRAL_OFFICE_CODE } from "../../../structures/reference-data.js";
import { deleteTemplate } from "../commands/delete-template.js";
import { saveTemplate, type TemplateField } from "../commands/save-template.js";
import { canTemplate } from "../policy.js";
import {
  EmptyBody,
  ItemParams,
  type StructureQuery,
  StructureQuery as StructureQuerySchema,
  TemplateBody,
} from "../schema.js";
import { findTemplate, listTemplates, type ResponseTemplate } from "../templates.js";
import { TemplateEditPage, TemplatesPage } from "../views/templates-page.js";
import { managedStructures, staffContext, staffGuard, staffNav } from "./load.js";

/** Response templates: structure admins write their structures' (platform admins, any). */
export const templateRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", staffGuard);

  const listPage = async (
    request: FastifyRequest,
    wanted: string | undefined,
    values: Partial<Record<TemplateField, string>> = {},
    errors?: FieldErrors<TemplateField>,
  ) => {
    const structures = await managedStructures(request);
    const structure = wanted
      ? structures.find((s) => isUuid(wanted) && s.id === wanted)
      : (structures.find((s) => s.code === CENTRAL_OFFICE_CODE && request.actor.platformAdmin) ??
        structures[0]);
    if (!structure) throw new NotFoundError();
    const templates = await listTemplates(app.db, [structure.id]);
    return (
      <TemplatesPage
        nav={staffNav(request)}
        structures={structures}
        structure={structure}
        categories={await listCategories(app.db, structure.id)}
        templates={templates.map((r) => ({ template: r.template, categoryName: r.categoryName }))}
        values={values}
        errors={errors}
      />
    );
  };

  app.get<{ Querystring: StructureQuery }>(
    "/staff/templates",
    { schema: { querystring: StructureQuerySchema } },
    async (request, reply) => reply.render(await listPage(request, request.query.structure)),
  );

  app.post<{ Body: TemplateBody }>(
    "/staff/templates",
    { schema: { body: TemplateBody } },
    async (request, reply) => {
      const structures = await managedStructures(request);
      if (!structures.some((s) => s.id === request.body.structure)) throw new NotFoundError();
      const result = await saveTemplate(staffContext(request), request.body);
      if (!result.ok)
        return reply.render(
          await listPage(request, request.body.structure, request.body, result.errors),
          422,
        );
      return reply.redirectWithFlash(`/staff/templates?structure=${request.body.structure}`, {
        kind: "success",
        message: "cases.workspace.flash.templateSaved",
      });
    },
  );

  /** A template the actor manages; 404 for any other. */
  const load = async (request: FastifyRequest, id: string): Promise<ResponseTemplate> => {
    const template = await findTemplate(app.db, id);
    if (!template || !canTemplate(request.actor, "manage", template.structureId)) throw new NotFoundError();
    return template;
  };

  const editPage = async (
    request: FastifyRequest,
    template: ResponseTemplate,
    values: Partial<Record<TemplateField, string>>,
    errors?: FieldErrors<TemplateField>,
  ) => (
    <TemplateEditPage
      nav={staffNav(request)}
      template={template}
      categories={await listCategories(app.db, template.structureId)}
      values={values}
      errors={errors}
    />
  );

  app.get<{ Params: ItemParams }>(
    "/staff/templates/:itemId",
    { schema: { params: ItemParams } },
    async (request, reply) => {
      const template = await load(request, request.params.itemId);
      const values = {
        title: template.title,
        category: template.categoryId ?? "",
        locale: template.locale,
        body: template.body,
      };
      return reply.render(await editPage(request, template, values));
    },
  );

  app.post<{ Params: ItemParams; Body: TemplateBody }>(
    "/staff/templates/:itemId",
    { schema: { params: ItemParams, body: TemplateBody } },
    async (request, reply) => {
      const template = await load(request, request.params.itemId);
      const result = await saveTemplate(staffContext(request), request.body, template);
      if (!result.ok)
        return reply.render(await editPage(request, template, request.body, result.errors), 422);
      return reply.redirectWithFlash(`/staff/templates?structure=${template.structureId}`, {
        kind: "success",
        message: "cases.workspace.flash.templateSaved",
      });
    },
  );

  app.post<{ Params: ItemParams }>(
    "/staff/templates/:itemId/delete",
    { schema: { params: ItemParams, body: EmptyBody } },
    async (request, reply) => {
      const template = await load(request, request.params.itemId);
      await deleteTemplate(staffContext(request), template);
      return reply.redirectWithFlash(`/staff/templates?structure=${template.structureId}`, {
        kind: "success",
        message: "cases.workspace.flash.templateDeleted",
      });
    },
  );
};
