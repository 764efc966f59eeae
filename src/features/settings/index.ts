import type { FastifyPluginAsync } from "fastify";
import { settingsRoutes } from "./routes/settings-routes.js";

/** Platform settings: contact address, whether sign-up is open, default reopen window. */
export const settingsFeature: FastifyPluginAsync = async (app) => {
  await app.register(settingsRoutes);
};
