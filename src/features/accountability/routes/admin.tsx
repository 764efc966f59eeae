import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../core/forms.js";
import { readUpload } from "../../../core/security/uploads.js";
import { structures } from "../../../core/structures/tables.js";
import { listGovernorates, listMunicipalities } from "../../structures/queries.js";
import { listThemes } from "../../subscriptions/queries.js";
import { findDecisions, resultsFromConsultation } from "../commands/from-consultation.js";
import { ImportFileError, importResults } from "../commands/import-results.js";
import { originOf } from "../commands/origin-of.js";
import type { ResultField, ResultInput } from "../commands/result-fields.js";
import { createResult, editResult, type Origin } from "../commands/save-result.js";
import { canResult, ownerScope, resultScope } from "../policy.js";
import { findResult, listResults, type ResultDetail } from "../queries.js";
import { IdParams, IMPORT_UPLOADS, NewQuery, ResultBody, SectionsBody } from "../schema.js";
import { results } from "../tables.js";
import { AdminListPage, FromConsultationPage, ImportPage, ResultFormPage } from "../views/admin-pages.js";

/** Results in the admin area: structure admins keep their structures' results, import them, and make them from decisions. */
export const adminResultRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  const owners = async (request: FastifyRequest) => {
    const scope = ownerScope(request.actor);
    const rows =
      scope !== "all" && scope.length === 0
        ? []
        : await app.db
            .select({ id: structures.id, name: structures.name })
            .from(structures)
            .where(
              scope === "all"
                ? isNull(structures.retiredAt)
                : and(inArray(structures.id, scope), isNull(structures.retiredAt)),
            )
            .orderBy(structures.code);
    return { rows, allowed: scope === "all" ? ("all" as const) : new Set(scope) };
  };
  const formPage = async (
    request: FastifyRequest,
    values: ResultInput,
    origin: { origin: Origin; name: string | null },
    errors?: FieldErrors<ResultField>,
    editing?: ResultDetail,
  ) => {
    const scope = resultScope(request.actor);
    const [own, parents, governorates, municipalities, themes] = await Promise.all([
      owners(request),
      app.db
        .select({ id: results.id, code: results.code, title: results.title })
        .from(results)
        .where(
          scope === "all"
            ? undefined
            : scope.length
              ? inArray(results.structureId, scope)
              : eq(results.code, ""),
        )
        .orderBy(asc(results.code))
        .limit(500),
      listGovernorates(app.db),
      listMunicipalities(app.db),
      listThemes(app.db),
    ]);
    return (
      <ResultFormPage
        editing={editing ? { id: editing.id, title: editing.title } : undefined}
        origin={origin.origin}
        originName={origin.name}
        values={values}
        errors={errors}
        structures={own.rows}
        parents={parents}
        governorates={governorates}
        municipalities={municipalities}
        themes={themes}
      />
    );
  };
  const load = async (request: FastifyRequest, id: string) => {
    const r = await findResult(app.db, id);
    if (!r || !canResult(request.actor, "update", r)) throw new NotFoundError();
    if (!canResult(request.actor, "edit", r)) throw new ForbiddenError();
    return r;
  };

  app.get("/admin/accountability", async (request, reply) => {
    const scope = resultScope(request.actor);
    if (scope !== "all" && scope.length === 0) throw new ForbiddenError();
    const found = await listResults(app.db, { scope }, 1, 200);
    return reply.render(
      <AdminListPage rows={found.rows} canCreate={canResult(request.actor, "create", null)} />,
    );
  });

  app.get<{ Querystring: NewQuery }>(
    "/admin/accountability/new",
    { schema: { querystring: NewQuery } },
    async (request, reply) => {
      if (!canResult(request.actor, "create", null)) throw new ForbiddenError();
      const origin = await originOf(app.db, request.actor, request.query.origin, request.query.id);
      if (!origin) throw new NotFoundError();
      return reply.render(
        await formPage(
          request,
          { structureId: origin.structureId ?? "", weight: "1", progress: "0", status: "planned" },
          origin,
        ),
      );
    },
  );

  app.post<{ Body: ResultBody }>(
    "/admin/accountability/new",
    { schema: { body: ResultBody } },
    async (request, reply) => {
      if (!canResult(request.actor, "create", null)) throw new ForbiddenError();
      const origin = await originOf(app.db, request.actor, request.body.origin, request.body.originId);
      if (!origin) throw new NotFoundError();
      const { allowed } = await owners(request);
      const result = await createResult(
        app.db,
        request.body,
        origin.origin,
        { allowed },
        { actor: request.actor, request },
      );
      if (!result.ok) return reply.render(await formPage(request, request.body, origin, result.errors), 422);
      return reply.redirectWithFlash(`/accountability/${result.value.id}`, {
        kind: "success",
        message: "accountability.flash.created",
      });
    },
  );

  app.get<{ Params: IdParams }>(
    "/admin/accountability/:id/edit",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const r = await load(request, request.params.id);
      const values: ResultInput = {
        code: r.code,
        structureId: r.structureId,
        parentId: r.parentId ?? "",
        titleAr: r.title.ar,
        titleFr: r.title.fr,
        titleEn: r.title.en,
        descriptionAr: r.description.ar,
        descriptionFr: r.description.fr,
        descriptionEn: r.description.en,
        governorateCode: r.governorateCode ?? "",
        municipalityId: r.municipalityId ?? "",
        themeCode: r.themeCode ?? "",
        startsOn: r.startsOn ?? "",
        endsOn: r.endsOn ?? "",
        weight: String(r.weight),
        budgetPlanned: r.budgetPlanned ?? "",
        budgetSpent: r.budgetSpent ?? "",
      };
      return reply.render(await formPage(request, values, { origin: r, name: null }, undefined, r));
    },
  );

  app.post<{ Params: IdParams; Body: ResultBody }>(
    "/admin/accountability/:id/edit",
    { schema: { params: IdParams, body: ResultBody } },
    async (request, reply) => {
      const r = await load(request, request.params.id);
      const { allowed } = await owners(request);
      const result = await editResult(
        app.db,
        r.id,
        request.body,
        { allowed },
        { actor: request.actor, request },
      );
      if (!result.ok)
        return reply.render(
          await formPage(request, request.body, { origin: r, name: null }, result.errors, r),
          422,
        );
      return reply.redirectWithFlash(`/accountability/${r.id}`, {
        kind: "success",
        message: "accountability.flash.saved",
      });
    },
  );

  const decisionsFor = async (request: FastifyRequest, id: string) => {
    const found = await findDecisions(app.db, id);
    if (!found || !canResult(request.actor, "update", found.consultation)) throw new NotFoundError();
    if (!canResult(request.actor, "edit", found.consultation)) throw new ForbiddenError();
    return found;
  };

  app.get<{ Params: IdParams }>(
    "/admin/accountability/from-consultation/:id",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const found = await decisionsFor(request, request.params.id);
      return reply.render(
        <FromConsultationPage
          consultation={found.consultation}
          decisions={found.decisions}
          parentId={found.parentId}
        />,
      );
    },
  );

  app.post<{ Params: IdParams; Body: SectionsBody }>(
    "/admin/accountability/from-consultation/:id",
    { schema: { params: IdParams, body: SectionsBody } },
    async (request, reply) => {
      const found = await decisionsFor(request, request.params.id);
      const chosen = [request.body.sections ?? []].flat();
      const made =
        chosen.length > 0
          ? await resultsFromConsultation(app.db, found.consultation.id, chosen, {
              actor: request.actor,
              request,
            })
          : null;
      if (!made || made.created === 0)
        return reply.render(
          <FromConsultationPage
            consultation={found.consultation}
            decisions={found.decisions}
            parentId={found.parentId}
            error="accountability.errors.sections"
          />,
          422,
        );
      return reply.redirectWithFlash(`/accountability/${made.parentId}`, {
        kind: "success",
        message: "accountability.flash.fromConsultation",
      });
    },
  );

  app.get("/admin/accountability/import", async (request, reply) => {
    if (!canResult(request.actor, "create", null)) throw new ForbiddenError();
    return reply.render(<ImportPage />);
  });

  app.post("/admin/accountability/import", { config: { upload: IMPORT_UPLOADS } }, async (request, reply) => {
    if (!canResult(request.actor, "create", null)) throw new ForbiddenError();
    const { files } = await readUpload(request);
    const file = files.find((f) => f.field === "file");
    if (!file) return reply.render(<ImportPage error="accountability.errors.importFile" />, 422);
    if (file.truncated) return reply.render(<ImportPage error="accountability.errors.importTooLarge" />, 422);
    const { allowed } = await owners(request);
    try {
      const report = await importResults(app.db, file.data, { actor: request.actor, request }, { allowed });
      return reply.render(<ImportPage report={report} />);
    } catch (error) {
      if (error instanceof ImportFileError)
        return reply.render(<ImportPage error="accountability.errors.importUnreadable" />, 422);
      throw error;
    }
  });
};
