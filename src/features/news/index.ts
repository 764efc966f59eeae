import type { FastifyPluginAsync } from "fastify";
import { adminNewsRoutes } from "./routes/admin.js";
import { publicNewsRoutes } from "./routes/public.js";

/** News: the public list, articles and images; staff write, publish and pin them. */
export const newsFeature: FastifyPluginAsync = async (app) => {
  await app.register(publicNewsRoutes);
  await app.register(adminNewsRoutes);
};
