import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireStaff } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import { type FieldErrors, formSchema } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { AdminConfirmPage } from "../../admin/views/confirm-page.js";
import { removeDeadlineOverride } from "../commands/remove-deadline-override.js";
import {
  NATIONAL,
  type PolicyField,
  type PolicyInput,
  setDeadlinePolicy,
} from "../commands/set-deadline-policy.js";
import { canDeadlines, deadlineScope } from "../policy.js";
import {
  findActiveStructure,
  findPolicy,
  findPolicyById,
  findStructureName,
  listNationalDefaults,
  listOverrides,
  listStructureChoices,
} from "../queries.js";
import { type DeadlineCaseType, SETTABLE_CASE_TYPES } from "../tables.js";
import { DeadlinesPage } from "../views/deadlines-page.js";

const PolicyBody = formSchema({
  caseType: 20,
  structure: 100,
  workingDays: 10,
  pauseAllowed: 5,
  legalBasisAr: 4000,
  legalBasisFr: 4000,
  legalBasisEn: 4000,
});
const PrefillQuery = Type.Object({
  type: Type.Optional(Type.String({ maxLength: 20 })),
  structure: Type.Optional(Type.String({ maxLength: 100 })),
});
const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });

/**
 * Deadline policies. Platform admins see and change everything; structure admins see the national
 * defaults and their own structures' overrides, read-only; other staff get 403.
 */
export const deadlineRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    reply.noStore();
  });
  const guard = async (request: FastifyRequest) => {
    if (!canDeadlines(request.actor, "list")) throw new ForbiddenError();
  };
  const preHandler = [requireStaff, guard];

  const page = async (request: FastifyRequest, values: PolicyInput, errors?: FieldErrors<PolicyField>) => {
    const { actor } = request;
    const canSet = canDeadlines(actor, "set");
    const [defaults, overrides, structures] = await Promise.all([
      listNationalDefaults(app.db),
      listOverrides(app.db, deadlineScope(actor)),
      canSet ? listStructureChoices(app.db) : Promise.resolve([]),
    ]);
    return (
      <DeadlinesPage
        defaults={defaults}
        overrides={overrides}
        canSet={canSet}
        structures={structures}
        values={values}
        errors={errors}
      />
    );
  };

  /** The form's values for "change": the policy as stored, or the national default to start from. */
  const prefill = async (type: string | undefined, structure: string | undefined): Promise<PolicyInput> => {
    const caseType = (SETTABLE_CASE_TYPES as readonly string[]).includes(type ?? "")
      ? (type as DeadlineCaseType)
      : null;
    if (!caseType) return { structure: NATIONAL, caseType: "complaint" };
    const target = structure && structure !== NATIONAL ? await findActiveStructure(app.db, structure) : null;
    const p = await findPolicy(app.db, caseType, target?.id ?? null);
    return {
      structure: target?.id ?? NATIONAL,
      caseType,
      workingDays: p ? String(p.workingDays) : "",
      pauseAllowed: p ? (p.pauseAllowed ? "yes" : "no") : undefined,
      legalBasisAr: p?.legalBasis?.ar ?? "",
      legalBasisFr: p?.legalBasis?.fr ?? "",
      legalBasisEn: p?.legalBasis?.en ?? "",
    };
  };

  app.get<{ Querystring: Static<typeof PrefillQuery> }>(
    "/admin/deadlines",
    { preHandler, schema: { querystring: PrefillQuery } },
    async (request, reply) =>
      reply.render(await page(request, await prefill(request.query.type, request.query.structure))),
  );

  app.post<{ Body: PolicyInput }>(
    "/admin/deadlines",
    { preHandler, schema: { body: PolicyBody } },
    async (request, reply) => {
      if (!canDeadlines(request.actor, "set")) throw new ForbiddenError();
      const result = await setDeadlinePolicy(app.db, request.body, { request });
      if (!result.ok) return reply.render(await page(request, request.body, result.errors), 422);
      return reply.redirectWithFlash("/admin/deadlines", {
        kind: "success",
        message: "calendar.flash.policySaved",
      });
    },
  );

  /** An override the actor may see (404 otherwise) and change (403 otherwise). */
  const override = async (request: FastifyRequest<{ Params: Static<typeof IdParams> }>) => {
    const policy = await findPolicyById(app.db, request.params.id);
    if (!policy?.structureId || !canDeadlines(request.actor, "view", policy)) throw new NotFoundError();
    if (!canDeadlines(request.actor, "set", policy)) throw new ForbiddenError();
    return policy;
  };

  app.get<{ Params: Static<typeof IdParams> }>(
    "/admin/deadlines/:id/remove",
    { preHandler, schema: { params: IdParams } },
    async (request, reply) => {
      const policy = await override(request);
      const structure = await findStructureName(app.db, policy.structureId!);
      const { t, locale } = request;
      return reply.render(
        <AdminConfirmPage
          section="settings"
          cancel={t("calendar.cancel")}
          title={t("calendar.deadlines.removeTitle")}
          body={t("calendar.deadlines.removeBody", {
            type: t(`calendar.types.${policy.caseType}`),
            structure: pickLocalized(structure, locale).text,
          })}
          action={`/admin/deadlines/${policy.id}/remove`}
          back="/admin/deadlines"
          backText={t("calendar.deadlines.title")}
          submit={t("calendar.deadlines.removeSubmit")}
        />,
      );
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    "/admin/deadlines/:id/remove",
    { preHandler, schema: { params: IdParams } },
    async (request, reply) => {
      const policy = await override(request);
      await removeDeadlineOverride(app.db, policy, { request });
      return reply.redirectWithFlash("/admin/deadlines", {
        kind: "success",
        message: "calendar.flash.policyRemoved",
      });
    },
  );
};
