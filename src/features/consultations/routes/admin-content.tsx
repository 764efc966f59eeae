import type { FastifyPluginAsync } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import { adminDocumentsRoutes } from "./admin-documents.js";
import { adminQuestionnaireRoutes } from "./admin-questionnaire.js";
import { adminSectionsRoutes } from "./admin-sections.js";

/** The admin pages of a consultation's content: its sections, questionnaire and documents. */
export const adminContentRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  // Registered after the hooks, so the three inherit both.
  await app.register(adminSectionsRoutes);
  await app.register(adminQuestionnaireRoutes);
  await app.register(adminDocumentsRoutes);
};
