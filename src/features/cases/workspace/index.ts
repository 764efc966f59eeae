import type { FastifyPluginAsync } from "fastify";
import { caseRoutes } from "./routes/case.js";
import { exportRoutes } from "./routes/export.js";
import { intakeRoutes } from "./routes/intake.js";
import { preferencesRoutes } from "./routes/preferences.js";
import { queueRoutes } from "./routes/queue.js";
import { routingRoutes } from "./routes/routing.js";
import { teamRoutes } from "./routes/teams.js";
import { templateRoutes } from "./routes/templates.js";
import { unsubscribeRoutes } from "./routes/unsubscribe.js";
import { workloadRoutes } from "./routes/workload.js";

/**
 * The staff side of E-Citizen requests, under /:lang: each structure's queue (search, filters,
 * counts, saved views, bulk actions, CSV and printable exports), the request page and its actions
 * (assign, reply, ask, note, transfer, duplicate, close), requests taken at the counter, by phone or
 * by post and their receipt, response templates, routing rules, teams, the structure admins' workload
 * view, each member of staff's notification preferences, and the unsubscribe link of request mails.
 */
export const workspaceRoutes: FastifyPluginAsync = async (app) => {
  await app.register(queueRoutes);
  await app.register(exportRoutes);
  await app.register(caseRoutes);
  await app.register(intakeRoutes);
  await app.register(templateRoutes);
  await app.register(routingRoutes);
  await app.register(teamRoutes);
  await app.register(preferencesRoutes);
  await app.register(unsubscribeRoutes);
  await app.register(workloadRoutes);
};
