import type { FastifyPluginAsync } from "fastify";
import { adminBudgetRoutes } from "./routes/admin.js";
import { publicBudgetRoutes } from "./routes/public.js";
import { voteRoutes } from "./routes/vote.js";

/** Participatory budgets: proposals, their review, the secret ballot, and the results. */
export const budgetsFeature: FastifyPluginAsync = async (app) => {
  await app.register(publicBudgetRoutes);
  await app.register(voteRoutes);
  await app.register(adminBudgetRoutes);
};
