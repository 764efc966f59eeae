import type { FastifyPluginAsync } from "fastify";
import { citizenCaseRoutes } from "./citizen/routes.js";
import { workspaceRoutes } from "./workspace/index.js";

/** E-Citizen requests ("cases"): the citizen's side and the staff's side. */
export const casesFeature: FastifyPluginAsync = async (app) => {
  await app.register(citizenCaseRoutes);
  await app.register(workspaceRoutes);
};
