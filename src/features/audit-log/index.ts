import type { FastifyPluginAsync } from "fastify";
import { auditRoutes } from "./routes/audit-routes.js";

/** The audit log's admin pages (the log itself and audit() live in src/core/audit). */
export const auditLogFeature: FastifyPluginAsync = async (app) => {
  await app.register(auditRoutes);
};
