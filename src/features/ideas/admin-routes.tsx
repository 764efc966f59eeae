import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireStaff } from "../../core/auth/plugin.js";
import { ForbiddenError } from "../../core/errors/app-error.js";
import { type FieldErrors, formSchema, text } from "../../core/forms.js";
import { adminAbilities } from "../admin/abilities.js";
import { isUuid, listScopeStructures } from "../staff/queries.js";
import { thresholdFor } from "./commands/idea-actions.js";
import { setIdeaThreshold, type ThresholdField, type ThresholdInput } from "./commands/set-idea-threshold.js";
import { listThresholds } from "./queries.js";
import { canSetThreshold, thresholdScope } from "./rules.js";
import { ThresholdsPage } from "./views/thresholds-page.js";

const ThresholdBody = formSchema({ structure: 100, supports: 30, answerDays: 30 });
const PrefillQuery = Type.Object({ structure: Type.Optional(Type.String({ maxLength: 100 })) });

/**
 * Idea thresholds, per structure: its admins set their structures', platform admins any structure's.
 * Other staff get 403. Everything is audited by the command.
 */
export const ideaAdminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("cache-control", "no-store");
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
        abilities={adminAbilities(request.actor)}
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
      const result = await setIdeaThreshold(app.db, structure?.id ?? null, request.body, {
        publicUrl: app.config.publicUrl,
        request,
      });
      if (!result.ok) return reply.render(await page(request, request.body, result.errors), 422);
      return reply.redirectWithFlash("/admin/ideas", {
        kind: "success",
        message: result.value.reached > 0 ? "ideas.flash.thresholdReached" : "ideas.flash.thresholdSaved",
      });
    },
  );
};
