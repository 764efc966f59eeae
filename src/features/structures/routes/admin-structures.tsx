import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import { ForbiddenError } from "../../../core/errors/app-error.js";
import { requestedPage } from "../../../core/paging.js";
import { createStructure } from "../commands/create-structure.js";
import { isKind } from "../commands/structure-fields.js";
import { updateStructure } from "../commands/update-structure.js";
import { canStructure, structureAbilities, structureScope } from "../policy.js";
import {
  findGovernorate,
  listActiveChildren,
  listAdminStructures,
  listCategories,
  listGovernorates,
  listParentOptions,
  listStructuresByIds,
  type Structure,
} from "../queries.js";
import { AdminListQuery, StructureBody, StructureParams } from "../schema.js";
import { StructureAdminPage } from "../views/admin/structure-admin-page.js";
import { StructureFormPage, type StructureValues } from "../views/admin/structure-form-page.js";
import { StructuresListPage } from "../views/admin/structures-list-page.js";
import { changeContext, loadStructure } from "./load.js";

const PAGE_SIZE = 25;

/** The edit form's values as stored. */
function valuesOf(s: Structure): StructureValues {
  return {
    kind: s.kind,
    governorateCode: s.governorateCode ?? "",
    nameAr: s.name.ar,
    nameFr: s.name.fr,
    nameEn: s.name.en,
    summaryAr: s.summary.ar,
    summaryFr: s.summary.fr,
    summaryEn: s.summary.en,
    addressAr: s.contact.address?.ar,
    addressFr: s.contact.address?.fr,
    addressEn: s.contact.address?.en,
    phone: s.contact.phone,
    email: s.contact.email,
    website: s.contact.website,
  };
}

/** Renders the structure's admin page (also after a refused restore, with its error). */
export async function renderStructureAdmin(
  request: FastifyRequest,
  structure: Structure,
  errors?: { restore?: { key: string } },
) {
  const db = request.server.db;
  const [parent] = structure.parentId ? await listStructuresByIds(db, [structure.parentId]) : [];
  const [governorate, children, categories] = await Promise.all([
    structure.governorateCode ? findGovernorate(db, structure.governorateCode) : null,
    listActiveChildren(db, structure.id),
    listCategories(db, structure.id),
  ]);
  return (
    <StructureAdminPage
      can={structureAbilities(request.actor, structure)}
      structure={structure}
      parent={parent ?? null}
      governorate={governorate}
      activeChildren={children.length}
      categories={categories.length}
      errors={errors}
    />
  );
}

export const adminStructuresRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  app.get<{ Querystring: AdminListQuery }>(
    "/admin/structures",
    { schema: { querystring: AdminListQuery } },
    async (request, reply) => {
      if (!canStructure(request.actor, "list", null)) throw new ForbiddenError();
      const q = (request.query.q ?? "").trim();
      const kind = request.query.kind ?? "";
      const result = await listAdminStructures(app.db, {
        q,
        kind: isKind(kind) ? kind : undefined,
        scope: structureScope(request.actor),
        page: requestedPage(request.query.page),
        pageSize: PAGE_SIZE,
      });
      return reply.render(
        <StructuresListPage
          canCreate={canStructure(request.actor, "create", null)}
          q={q}
          kind={isKind(kind) ? kind : ""}
          result={result}
        />,
      );
    },
  );

  const formPage = async (values: StructureValues, errors?: object) => (
    <StructureFormPage
      scope="full"
      values={values}
      errors={errors}
      parentOptions={await listParentOptions(app.db)}
      governorates={await listGovernorates(app.db)}
    />
  );

  app.get("/admin/structures/new", async (request, reply) => {
    if (!canStructure(request.actor, "create", null)) throw new ForbiddenError();
    return reply.render(await formPage({}));
  });

  app.post<{ Body: StructureBody }>(
    "/admin/structures/new",
    { schema: { body: StructureBody } },
    async (request, reply) => {
      if (!canStructure(request.actor, "create", null)) throw new ForbiddenError();
      const result = await createStructure(app.db, request.body, changeContext(request));
      if (!result.ok) return reply.render(await formPage(request.body, result.errors), 422);
      return reply.redirectWithFlash(`/admin/structures/${result.value.id}`, {
        kind: "success",
        message: "structures.flash.created",
      });
    },
  );

  app.get<{ Params: StructureParams }>(
    "/admin/structures/:id",
    { schema: { params: StructureParams } },
    async (request, reply) => {
      const structure = await loadStructure(request, request.params.id, "view");
      return reply.render(await renderStructureAdmin(request, structure));
    },
  );

  const editPage = async (
    request: FastifyRequest,
    structure: Structure,
    values: StructureValues,
    errors?: object,
  ) => (
    <StructureFormPage
      structure={structure}
      scope={canStructure(request.actor, "update", structure) ? "full" : "details"}
      values={values}
      errors={errors}
      governorates={await listGovernorates(app.db)}
    />
  );

  app.get<{ Params: StructureParams }>(
    "/admin/structures/:id/edit",
    { schema: { params: StructureParams } },
    async (request, reply) => {
      const structure = await loadStructure(request, request.params.id, "updateDetails");
      return reply.render(await editPage(request, structure, valuesOf(structure)));
    },
  );

  app.post<{ Params: StructureParams; Body: StructureBody }>(
    "/admin/structures/:id/edit",
    { schema: { params: StructureParams, body: StructureBody } },
    async (request, reply) => {
      const structure = await loadStructure(request, request.params.id, "updateDetails");
      const scope = canStructure(request.actor, "update", structure) ? "full" : "details";
      const result = await updateStructure(app.db, structure, request.body, scope, changeContext(request));
      if (!result.ok)
        return reply.render(await editPage(request, structure, request.body, result.errors), 422);
      return reply.redirectWithFlash(`/admin/structures/${structure.id}`, {
        kind: "success",
        message: result.value.changed.length > 0 ? "structures.flash.updated" : "structures.flash.unchanged",
      });
    },
  );
};
