import type { FastifyPluginAsync } from "fastify";
import { adminResultRoutes } from "./routes/admin.js";
import { publicResultRoutes } from "./routes/public.js";

/** Accountability: results that structures committed to, their progress and updates; staff pages. */
export const accountabilityFeature: FastifyPluginAsync = async (app) => {
  await app.register(publicResultRoutes);
  await app.register(adminResultRoutes);
};
