import type { FastifyPluginAsync } from "fastify";
import { handleOpen311Errors } from "./errors.js";
import { open311AdminRoutes } from "./routes/admin.js";
import { open311RequestRoutes } from "./routes/api-requests.js";
import { open311ServiceRoutes } from "./routes/api-services.js";

/**
 * The Open311 GeoReport v2 API under /open311/v2 (registered at the root, outside the pages'
 * locale scope): its own error and not-found handlers answer every failure in the specification's
 * format, XML or JSON, never as a page.
 */
export const open311Api: FastifyPluginAsync = async (app) => {
  await app.register(
    async (api) => {
      handleOpen311Errors(api);
      api.addHook("onSend", async (_request, reply) => {
        reply.header("vary", "Accept-Language");
      });
      await api.register(open311ServiceRoutes);
      await api.register(open311RequestRoutes);
    },
    { prefix: "/open311" },
  );
};

/** The admin pages of the API's keys, inside the pages' "/:lang" scope. */
export const open311AdminFeature: FastifyPluginAsync = async (app) => {
  await app.register(open311AdminRoutes);
};
