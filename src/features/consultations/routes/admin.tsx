import { count, eq, inArray } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import { ForbiddenError } from "../../../core/errors/app-error.js";
import { formSchema } from "../../../core/forms.js";
import { structures } from "../../../core/structures/tables.js";
import { listGovernorates } from "../../structures/queries.js";
import {
  closeConsultation,
  type LifecycleResult,
  openConsultation,
  publishConsultation,
} from "../commands/lifecycle.js";
import {
  type ConsultationInput,
  createConsultation,
  updateConsultation,
  valuesOf,
} from "../commands/save-consultation.js";
import { listAdminConsultations } from "../list-queries.js";
import { canConsultation, consultationScope } from "../policy.js";
import type { ConsultationView } from "../queries.js";
import {
  consultationComments,
  consultationDocuments,
  consultationQuestions,
  consultationResponses,
  consultationSections,
} from "../tables.js";
import { AdminListPage, ConsultationFormPage } from "../views/admin/form-page.js";
import { OverviewPage } from "../views/admin/overview-page.js";
import { changeContext, loadAdmin } from "./load.js";
import { IdParams } from "./public.js";

export const ConsultationBody = formSchema({
  structureId: 100,
  titleAr: 2000,
  titleFr: 2000,
  titleEn: 2000,
  summaryAr: 10_000,
  summaryFr: 10_000,
  summaryEn: 10_000,
  bodyAr: 100_000,
  bodyFr: 100_000,
  bodyEn: 100_000,
  theme: 40,
  area: 20,
  governorateCode: 20,
  municipality: 100,
  participation: 30,
  opensAt: 20,
  closesAt: 20,
  outcomeDueAt: 20,
});
const EmptyBody = formSchema({});

/** Everything an admin page needs about the structures the actor may consult for. */
async function structureOptions(request: FastifyRequest) {
  const scope = consultationScope(request.actor);
  if (scope !== "all" && scope.length === 0) return [];
  return request.server.db
    .select({ id: structures.id, name: structures.name })
    .from(structures)
    .where(scope === "all" ? undefined : inArray(structures.id, scope))
    .orderBy(structures.code);
}

async function counts(request: FastifyRequest, id: string) {
  const db = request.server.db;
  const n = async (
    table:
      | typeof consultationSections
      | typeof consultationQuestions
      | typeof consultationDocuments
      | typeof consultationComments
      | typeof consultationResponses,
  ) => {
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.consultationId, id));
    return row?.n ?? 0;
  };
  const [sections, questions, documents, comments, respondents] = await Promise.all([
    n(consultationSections),
    n(consultationQuestions),
    n(consultationDocuments),
    n(consultationComments),
    n(consultationResponses),
  ]);
  return { sections, questions, documents, comments, respondents };
}

/** The admin side: the list, creating and editing a consultation, and moving it through its phases. */
export const adminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  app.get("/admin/consultations", async (request, reply) => {
    if (!canConsultation(request.actor, "list", null)) throw new ForbiddenError();
    const items = await listAdminConsultations(app.db, consultationScope(request.actor));
    return reply.render(
      <AdminListPage items={items} canCreate={canConsultation(request.actor, "create", null)} />,
    );
  });

  const formPage = async (
    request: FastifyRequest,
    values: ConsultationInput,
    errors?: object,
    consultation?: ConsultationView,
  ) => (
    <ConsultationFormPage
      consultation={consultation}
      values={values}
      errors={errors}
      structures={consultation ? [] : await structureOptions(request)}
      governorates={await listGovernorates(app.db)}
    />
  );

  app.get("/admin/consultations/new", async (request, reply) => {
    if (!canConsultation(request.actor, "create", null)) throw new ForbiddenError();
    const options = await structureOptions(request);
    return reply.render(
      await formPage(request, {
        structureId: options.length === 1 ? options[0]!.id : "",
        area: "national",
        participation: "signed_in",
      }),
    );
  });

  app.post<{ Body: ConsultationInput }>(
    "/admin/consultations/new",
    { schema: { body: ConsultationBody } },
    async (request, reply) => {
      if (!canConsultation(request.actor, "create", null)) throw new ForbiddenError();
      const result = await createConsultation(
        app.db,
        request.body,
        consultationScope(request.actor),
        changeContext(request),
      );
      if (!result.ok) return reply.render(await formPage(request, request.body, result.errors), 422);
      return reply.redirectWithFlash(`/admin/consultations/${result.value.id}/sections`, {
        kind: "success",
        message: "consultations.flash.created",
      });
    },
  );

  const overview = async (request: FastifyRequest, c: ConsultationView, error?: string) => (
    <OverviewPage c={c} counts={await counts(request, c.id)} error={error} />
  );

  app.get<{ Params: IdParams }>(
    "/admin/consultations/:id",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id);
      return reply.render(await overview(request, c));
    },
  );

  app.get<{ Params: IdParams }>(
    "/admin/consultations/:id/edit",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "update");
      const [municipality] = c.municipalityId
        ? await app.db
            .select({ code: structures.code })
            .from(structures)
            .where(eq(structures.id, c.municipalityId))
        : [];
      return reply.render(
        await formPage(request, valuesOf({ ...c, municipalityCode: municipality?.code }), undefined, c),
      );
    },
  );

  app.post<{ Params: IdParams; Body: ConsultationInput }>(
    "/admin/consultations/:id/edit",
    { schema: { params: IdParams, body: ConsultationBody } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "update");
      const result = await updateConsultation(app.db, c, request.body, changeContext(request));
      if (!result.ok) return reply.render(await formPage(request, request.body, result.errors, c), 422);
      return reply.redirectWithFlash(`/admin/consultations/${c.id}`, {
        kind: "success",
        message: "consultations.flash.updated",
      });
    },
  );

  const lifecycle: Record<
    string,
    (request: FastifyRequest, c: ConsultationView) => Promise<LifecycleResult>
  > = {
    publish: (request, c) => publishConsultation(app.db, c, changeContext(request)),
    open: (request, c) => openConsultation(app.db, c, changeContext(request)),
    close: (request, c) => closeConsultation(app.db, c, changeContext(request)),
  };
  for (const [action, run] of Object.entries(lifecycle)) {
    app.post<{ Params: IdParams }>(
      `/admin/consultations/:id/${action}`,
      { schema: { params: IdParams, body: EmptyBody } },
      async (request, reply) => {
        const c = await loadAdmin(request, request.params.id, "update");
        const result = await run(request, c);
        if (!result.ok) return reply.render(await overview(request, c, result.error.key), 409);
        return reply.redirectWithFlash(`/admin/consultations/${c.id}`, {
          kind: "success",
          message: `consultations.flash.${action}`,
        });
      },
    );
  }
};
