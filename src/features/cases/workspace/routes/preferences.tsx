import type { FastifyPluginAsync } from "fastify";
import { ASSIGNMENT_KIND } from "../preferences.js";

/**
 * The staff's own notification settings moved to the notification preferences page, where the
 * requests handed to a member of staff are one more kind (staff only): the old address, in mails
 * already sent and in bookmarks, leads there for good.
 */
export const preferencesRoutes: FastifyPluginAsync = async (app) => {
  app.get("/staff/preferences", async (request, reply) =>
    reply.redirect(`/${request.locale}/notifications/preferences#${ASSIGNMENT_KIND}-title`, 301),
  );
};
