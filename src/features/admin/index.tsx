import type { FastifyPluginAsync } from "fastify";
import { requireStaff } from "../../core/auth/plugin.js";
import { adminSectionsOf } from "../../core/features/registry.js";
import { type AdminCard, AdminHomePage } from "./views/admin-home-page.js";

/** The admin area's home. Each feature serves its own admin pages under /:lang/admin/…. */
export const adminFeature: FastifyPluginAsync = async (app) => {
  app.get("/admin", { preHandler: requireStaff }, async (request, reply) => {
    reply.noStore();
    // The cards: every registered section with a summary that the actor may open.
    const sections = adminSectionsOf(app.features).filter(
      (s): s is AdminCard => s.summaryKey !== undefined && s.allowed(request.actor),
    );
    return reply.render(<AdminHomePage sections={sections} />);
  });
};
