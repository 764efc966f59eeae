import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import { ForbiddenError } from "../../../core/errors/app-error.js";
import { settleAppointments } from "../appointments.js";
import { canIntegrity } from "../policy.js";
import { countReports } from "../queries.js";
import { CountsPage } from "../views/counts-page.js";
import { officerColleagueRoutes } from "./officer-colleagues.js";
import { officerKeyRoutes } from "./officer-keys.js";
import { officerReportRoutes } from "./officer-reports.js";

/** The officers' side: TOTP-guarded, every action audited (never with content). */
export const officerRoutes: FastifyPluginAsync = async (app) => {
  /** Staff guard (sign-in, TOTP), then integrity officers only. */
  async function officerGuard(request: FastifyRequest, reply: FastifyReply) {
    await requireStaff(request, reply);
    if (reply.sent) return;
    if (!canIntegrity(request.actor, "work")) throw new ForbiddenError();
    await settleAppointments(app.db, request.account!.id, { publicUrl: app.config.publicUrl, request });
  }

  await app.register(async (officer) => {
    officer.addHook("preHandler", officerGuard);
    officerReportRoutes(officer);
    officerColleagueRoutes(officer);
    officerKeyRoutes(officer);
  });

  // Counts, for every member of staff: the one thing about reports that those who may not read them see.
  app.get("/integrity/counts", { preHandler: requireStaff }, async (request, reply) => {
    if (!canIntegrity(request.actor, "counts")) throw new ForbiddenError();
    const scope = request.actor.platformAdmin ? "all" : "mine";
    const counts = await countReports(
      app.db,
      scope === "all" ? "all" : [...new Set(request.actor.roles.map((r) => r.structureId))],
    );
    return reply.render(<CountsPage counts={counts} scope={scope} />);
  });
};
