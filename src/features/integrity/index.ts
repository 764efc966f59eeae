import type { FastifyPluginAsync } from "fastify";
import { LOCALE_COOKIE } from "../../core/i18n/plugin.js";
import { officerRoutes } from "./routes/officer.js";
import { whistleblowerRoutes } from "./routes/public.js";

/**
 * The integrity channel: anonymous corruption reports, sealed to the officers they are addressed to.
 * Every response here is never stored (no-store), sends no referrer, and sets no cookie but the
 * CSRF token (and, for officers, their session's key): not even the remembered language.
 * Every route here is private: left out of request metrics, and it does not touch the session.
 */
export const integrityFeature: FastifyPluginAsync = async (app) => {
  app.addHook("onRoute", (route) => {
    route.config = { ...route.config, private: true };
  });
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
    reply.header("referrer-policy", "no-referrer");
    const cookies = reply.getHeader("set-cookie");
    if (cookies === undefined) return;
    const kept = [cookies]
      .flat()
      .map(String)
      .filter((c) => !c.startsWith(`${LOCALE_COOKIE}=`));
    reply.removeHeader("set-cookie");
    if (kept.length > 0) reply.header("set-cookie", kept);
  });
  await app.register(whistleblowerRoutes);
  await app.register(officerRoutes);
};
