import type { FastifyPluginAsync } from "fastify";
import { adminEventRoutes } from "./routes/admin.js";
import { publicEventRoutes } from "./routes/public.js";

/** Events: the public agenda, registration with a waiting list, .ics files, posters; staff pages. */
export const eventsFeature: FastifyPluginAsync = async (app) => {
  await app.register(publicEventRoutes);
  await app.register(adminEventRoutes);
};
