import type { FastifyPluginAsync } from "fastify";
import { requireStaff } from "../../core/auth/plugin.js";
import { adminAbilities } from "./abilities.js";
import { AdminHomePage } from "./views/admin-home-page.js";

/** The admin area's home. Each feature serves its own admin pages under /:lang/admin/…. */
export const adminFeature: FastifyPluginAsync = async (app) => {
  app.get("/admin", { preHandler: requireStaff }, async (request, reply) => {
    reply.noStore();
    return reply.render(<AdminHomePage abilities={adminAbilities(request.actor)} />);
  });
};
