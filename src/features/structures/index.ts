import type { FastifyPluginAsync } from "fastify";
import { adminCategoriesRoutes } from "./routes/admin-categories.js";
import { adminLifecycleRoutes } from "./routes/admin-lifecycle.js";
import { adminStructuresRoutes } from "./routes/admin-structures.js";
import { promotionKitRoutes } from "./routes/promotion-kit.js";
import { publicRoutes } from "./routes/public.js";

/**
 * The directory of public structures: public pages (the directory, each structure's page and its
 * printable promotion kit) and admin pages (create, edit, move, retire and restore structures;
 * their request categories).
 */
export const structuresFeature: FastifyPluginAsync = async (app) => {
  await app.register(publicRoutes);
  await app.register(promotionKitRoutes);
  await app.register(adminStructuresRoutes);
  await app.register(adminLifecycleRoutes);
  await app.register(adminCategoriesRoutes);
};
