import type { FastifyPluginAsync } from "fastify";
import { draftingRoutes } from "./drafting/routes.js";
import { adminRoutes } from "./routes/admin.js";
import { adminContentRoutes } from "./routes/admin-content.js";
import { adminOutcomeRoutes } from "./routes/admin-outcome.js";
import { deadlineRoutes } from "./routes/deadlines.js";
import { participateRoutes } from "./routes/participate.js";
import { publicRoutes } from "./routes/public.js";

export { consultationModeration } from "./moderated.js";

/**
 * Public consultations on draft texts: the public list and pages, taking part (comments, supports,
 * the questionnaire, following), and the admin pages that run a consultation through its phases to
 * its published synthesis and decision.
 */
export const consultationsFeature: FastifyPluginAsync = async (app) => {
  await app.register(publicRoutes);
  await app.register(participateRoutes);
  await app.register(draftingRoutes);
  await app.register(deadlineRoutes);
  await app.register(adminRoutes);
  await app.register(adminContentRoutes);
  await app.register(adminOutcomeRoutes);
};
