import type { FastifyPluginAsync } from "fastify";
import { opinionMapRoutes } from "./routes.js";

/** The opinion map of consultations (issue 11): statements, votes, and the groups computed by a job. */
export const opinionMapFeature: FastifyPluginAsync = async (app) => {
  await app.register(opinionMapRoutes);
};
