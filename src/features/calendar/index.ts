import type { FastifyPluginAsync } from "fastify";
import { calendarRoutes } from "./routes/calendar.js";
import { deadlineRoutes } from "./routes/deadlines.js";

/**
 * The working-day calendar (public holidays) and the deadline policies of E-Citizen requests:
 * admin pages under /:lang/admin/calendar and /:lang/admin/deadlines. The deadline engine itself
 * (deadlines.ts) and its loaders (queries.ts) are what the cases feature calls.
 */
export const calendarFeature: FastifyPluginAsync = async (app) => {
  await app.register(calendarRoutes);
  await app.register(deadlineRoutes);
};
