import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireStaff } from "../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../core/errors/app-error.js";
import { type FieldErrors, formSchema, text } from "../../core/forms.js";
import { pickLocalized } from "../../core/i18n/localized.js";
import { isUuid } from "../../core/ids.js";
import { AdminConfirmPage } from "../admin/views/confirm-page.js";
import { listScopeStructures } from "../staff/queries.js";
import { thresholdFor } from "./commands/idea-actions.js";
import {
  removeIdeaThreshold,
  setIdeaThreshold,
  type ThresholdField,
  type ThresholdInput,
} from "./commands/set-idea-threshold.js";
import { listThresholds } from "./queries.js";
import { canSetThreshold, thresholdScope } from "./rules.js";
import { ThresholdsPage } from "./views/thresholds-page.js";

const ThresholdBody = formSchema({ structure: 100, supports: 30, answerDays: 30 });
const PrefillQuery = Type.Object({ structure: Type.Optional(Type.String({ maxLength: 100 })) });
const StructureParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });

/**
 * Idea thresholds, per structure: its admins set their structures', platform admins any structure's.
 * Other staff get 403. Everything is audited by the command.
 */
export const ideaAdminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    reply.noStore();
  });
  const guard = async (request: FastifyRequest) => {
    const scope = thresholdScope(request.actor);
    if (scope !== "all" && scope.length === 0) throw new ForbiddenError();
  };
  const preHandler = [requireStaff, guard];

  const page = async (
    request: FastifyRequest,
    values: ThresholdInput,
    errors?: FieldErrors<ThresholdField>,
  ) => {
    const scope = thresholdScope(request.actor);
    const [rows, structures] = await Promise.all([
      listThresholds(app.db, scope),
      listScopeStructures(app.db, scope),
    ]);
    return (
      <ThresholdsPage
        all={scope === "all"}
        rows={rows}
        structures={structures}
        values={values}
        errors={errors}
      />
    );
  };

  app.get<{ Querystring: Static<typeof PrefillQuery> }>(
    "/admin/ideas",
    { preHandler, schema: { querystring: PrefillQuery } },
    async (request, reply) => {
      const scope = thresholdScope(request.actor);
      // The structure to change: the one asked for, or the only one the admin runs.
      const asked = request.query.structure;
      const structureId =
        isUuid(asked) && canSetThreshold(request.actor, asked)
          ? asked
          : scope !== "all" && scope.length === 1
            ? scope[0]!
            : null;
      const current = structureId ? await thresholdFor(app.db, structureId) : null;
      const values: ThresholdInput = current
        ? {
            structure: structureId!,
            supports: String(current.supports),
            answerDays: String(current.answerDays),
          }
        : {};
      return reply.render(await page(request, values));
    },
  );

  app.post<{ Body: ThresholdInput }>(
    "/admin/ideas",
    { preHandler, schema: { body: ThresholdBody } },
    async (request, reply) => {
      const asked = text(request.body.structure);
      const [structure] = isUuid(asked) ? await listScopeStructures(app.db, [asked]) : [];
      // A structure the actor does not run: forbidden, whether or not they could have guessed its id.
      if (structure && !canSetThreshold(request.actor, structure.id)) throw new ForbiddenError();
      const result = await setIdeaThreshold(app.db, structure?.id ?? null, request.body, { request });
      if (!result.ok) return reply.render(await page(request, request.body, result.errors), 422);
      return reply.redirectWithFlash("/admin/ideas", {
        kind: "success",
        message: result.value.reached > 0 ? "ideas.flash.thresholdReached" : "ideas.flash.thresholdSaved",
      });
    },
  );

  /** A structure whose threshold the actor sets; another one is not there for them (404). */
  const own = async (request: FastifyRequest<{ Params: Static<typeof StructureParams> }>) => {
    const { id } = request.params;
    const [structure] = isUuid(id) ? await listScopeStructures(app.db, [id]) : [];
    if (!structure || !canSetThreshold(request.actor, structure.id)) throw new NotFoundError();
    return structure;
  };

  app.get<{ Params: Static<typeof StructureParams> }>(
    "/admin/ideas/:id/remove",
    { preHandler, schema: { params: StructureParams } },
    async (request, reply) => {
      const structure = await own(request);
      const [row] = await listThresholds(app.db, [structure.id]);
      if (row?.supports == null) throw new NotFoundError();
      const { t, locale } = request;
      return reply.render(
        <AdminConfirmPage
          section="ideas"
          title={t("ideas.thresholds.removeTitle")}
          body={t("ideas.thresholds.removeBody", {
            structure: pickLocalized(structure.name, locale).text,
            supports: row.supports,
            answerDays: row.answerDays,
          })}
          action={`/admin/ideas/${structure.id}/remove`}
          back="/admin/ideas"
          backText={t("ideas.thresholds.title")}
          submit={t("ideas.thresholds.removeSubmit")}
          cancel={t("ideas.thresholds.cancel")}
        />,
      );
    },
  );

  /** Idempotent: removing a threshold already gone leaves the default, as asked. */
  app.post<{ Params: Static<typeof StructureParams> }>(
    "/admin/ideas/:id/remove",
    { preHandler, schema: { params: StructureParams } },
    async (request, reply) => {
      const structure = await own(request);
      await removeIdeaThreshold(app.db, structure.id, { request });
      return reply.redirectWithFlash("/admin/ideas", {
        kind: "success",
        message: "ideas.flash.thresholdRemoved",
      });
    },
  );
};
