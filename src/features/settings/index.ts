import type { FastifyPluginAsync } from "fastify";
import { settingsRoutes } from "./routes/settings-routes.js";

/** Platform settings: contact address (Open311 discovery), whether sign-up is open, the reopen window. */
export const settingsFeature: FastifyPluginAsync = async (app) => {
  await app.register(settingsRoutes);
};
