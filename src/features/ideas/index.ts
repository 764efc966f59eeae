import type { FastifyPluginAsync } from "fastify";
import { ideaAdminRoutes } from "./admin-routes.js";
import { ideaRoutes } from "./routes.js";

export { ideaModeration } from "./moderated.js";

/** The idea box (public pages and actions) and its admin page (per-structure thresholds). */
export const ideasFeature: FastifyPluginAsync = async (app) => {
  await app.register(ideaRoutes);
  await app.register(ideaAdminRoutes);
};
