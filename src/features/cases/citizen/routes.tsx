import type { FastifyPluginAsync } from "fastify";
import { requireAccount } from "../../../core/auth/plugin.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { followCase } from "../commands/citizen-actions.js";
import { findCase, listFollowedCases, listMyCases } from "../queries.js";
import { followRoutes, IdParams } from "./follow-routes.js";
import { intakeRoutes } from "./intake-routes.js";
import { MyRequestsPage } from "./views/my-requests-page.js";

/** The citizen's side of requests: the intake, the follow-up page, "my requests", and their actions. */
export const citizenCaseRoutes: FastifyPluginAsync = async (app) => {
  await app.register(intakeRoutes);
  await app.register(followRoutes);

  app.get("/requests", { preHandler: requireAccount }, async (request, reply) => {
    reply.noStore();
    const [list, followed] = await Promise.all([
      listMyCases(app.db, request.account!.id),
      listFollowedCases(app.db, request.account!.id),
    ]);
    return reply.render(<MyRequestsPage list={list} followed={followed} />);
  });

  app.post(
    "/requests/:id/follow",
    { schema: { params: IdParams }, preHandler: requireAccount },
    async (request, reply) => {
      const row = await findCase(app.db, (request.params as { id: string }).id);
      if (!row || !["notice", "suggestion"].includes(row.type)) throw new NotFoundError();
      await followCase(app.db, row.id, request.account!.id);
      return reply.redirectWithFlash("/requests", { kind: "success", message: "cases.flash.following" });
    },
  );
};
