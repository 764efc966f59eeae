import type { FastifyPluginAsync } from "fastify";
import { ForbiddenError } from "../../../../core/errors/app-error.js";
import { saveStaffPreferences } from "../commands/save-preferences.js";
import { canSetPreferences } from "../policy.js";
import { findAssignmentMail } from "../preferences.js";
import { PreferencesBody } from "../schema.js";
import { PreferencesPage } from "../views/preferences-page.js";
import { staffContext, staffGuard, staffNav } from "./load.js";

/** The own notification settings of everyone who may be handed requests. */
export const preferencesRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", staffGuard);
  app.addHook("preHandler", async (request) => {
    if (!canSetPreferences(request.actor)) throw new ForbiddenError();
  });

  app.get("/staff/preferences", async (request, reply) =>
    reply.render(
      <PreferencesPage
        nav={staffNav(request)}
        assignmentMail={await findAssignmentMail(app.db, request.actor.accountId!)}
      />,
    ),
  );

  app.post<{ Body: PreferencesBody }>(
    "/staff/preferences",
    { schema: { body: PreferencesBody } },
    async (request, reply) => {
      const result = await saveStaffPreferences(staffContext(request), request.body);
      if (!result.ok)
        return reply.render(
          <PreferencesPage
            nav={staffNav(request)}
            assignmentMail={request.body.assignmentMail ?? ""}
            errors={result.errors}
          />,
          422,
        );
      return reply.redirectWithFlash("/staff/preferences", {
        kind: "success",
        message: "cases.workspace.flash.preferencesSaved",
      });
    },
  );
};
