import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { ForbiddenError, NotFoundError } from "../../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../../core/forms.js";
import { listGovernorates, listMunicipalities } from "../../../structures/queries.js";
import { deleteRoutingRule } from "../commands/delete-routing-rule.js";
import { createRoutingRule, type RoutingRuleField } from "../commands/save-routing-rule.js";
import { canListRoutingRules, canRoutingRule, templateScope } from "../policy.js";
import {
  countRouted,
  findRoutingRule,
  listRoutingRules,
  ROUTED_WINDOW_DAYS,
  routingChoices,
  ruleResource,
} from "../routing-rules.js";
import { EmptyBody, ItemParams, RoutingBody } from "../schema.js";
import { listTeamsOf } from "../teams.js";
import { RoutingPage } from "../views/routing-page.js";
import { staffContext, staffGuard, staffNav } from "./load.js";

/** Routing rules: platform admins and the admins of the structures requests are routed to. */
export const routingRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", staffGuard);
  app.addHook("preHandler", async (request) => {
    if (!canListRoutingRules(request.actor)) throw new ForbiddenError();
  });

  const page = async (
    request: FastifyRequest,
    values: Partial<Record<RoutingRuleField, string>> = {},
    errors?: FieldErrors<RoutingRuleField>,
  ) => {
    const rows = await listRoutingRules(app.db, templateScope(request.actor));
    const since = new Date(Date.now() - ROUTED_WINDOW_DAYS * 24 * 3600 * 1000);
    const routed = await countRouted(
      app.db,
      rows.map((r) => r.rule.id),
      since,
    );
    const rules = await Promise.all(
      rows.map(async (r) => ({
        ...r,
        routed: routed.get(r.rule.id) ?? 0,
        canDelete: canRoutingRule(request.actor, await ruleResource(app.db, r.rule)),
      })),
    );
    const { targets, categories, agents } = await routingChoices(app.db, request.actor);
    return (
      <RoutingPage
        nav={staffNav(request)}
        rules={rules}
        targets={targets}
        categories={categories}
        agents={agents}
        governorates={await listGovernorates(app.db)}
        municipalities={await listMunicipalities(app.db)}
        teams={
          await listTeamsOf(
            app.db,
            targets.map((s) => s.id),
          )
        }
        values={values}
        errors={errors}
      />
    );
  };

  app.get("/staff/routing", async (request, reply) => reply.render(await page(request)));

  app.post<{ Body: RoutingBody }>(
    "/staff/routing",
    { schema: { body: RoutingBody } },
    async (request, reply) => {
      const result = await createRoutingRule(staffContext(request), request.body);
      if (!result.ok) return reply.render(await page(request, request.body, result.errors), 422);
      return reply.redirectWithFlash("/staff/routing", {
        kind: "success",
        message: "cases.workspace.flash.ruleSaved",
      });
    },
  );

  app.post<{ Params: ItemParams }>(
    "/staff/routing/:itemId/delete",
    { schema: { params: ItemParams, body: EmptyBody } },
    async (request, reply) => {
      const rule = await findRoutingRule(app.db, request.params.itemId);
      if (!rule || !canRoutingRule(request.actor, await ruleResource(app.db, rule)))
        throw new NotFoundError();
      await deleteRoutingRule(staffContext(request), rule);
      return reply.redirectWithFlash("/staff/routing", {
        kind: "success",
        message: "cases.workspace.flash.ruleDeleted",
      });
    },
  );
};
