import type { FastifyPluginAsync } from "fastify";
import { invitationRoutes } from "./routes/invitations.js";
import { platformAdminRoutes } from "./routes/platform-admins.js";
import { staffAdminRoutes } from "./routes/staff-admin.js";
import { twoFactorRoutes } from "./routes/two-factor.js";

/**
 * Staff: TOTP enrolment and the sign-in code step, invitations to roles in structures (and to the
 * platform admin power), the staff admin pages, and revocations. Everything here is audited.
 */
export const staffFeature: FastifyPluginAsync = async (app) => {
  await app.register(twoFactorRoutes);
  await app.register(invitationRoutes);
  await app.register(staffAdminRoutes);
  await app.register(platformAdminRoutes);
};
