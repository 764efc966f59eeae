import type { FastifyPluginAsync } from "fastify";
import { acceptRoute } from "./routes/accept.js";
import { callbackRoute } from "./routes/callback.js";
import { errorRoute } from "./routes/error.js";
import { startRoute } from "./routes/start.js";

/**
 * National e-ID sign-in through any OpenID Connect provider (OIDC_ISSUER, OIDC_CLIENT_ID,
 * OIDC_CLIENT_SECRET). Every route answers 404 while OIDC_ISSUER is empty.
 *
 * Pages, registered inside "/:lang": the start of the flow, the acceptance of the terms before a
 * first session, and the page explaining a failure.
 */
export const eidFeature: FastifyPluginAsync = async (app) => {
  await app.register(startRoute);
  await app.register(acceptRoute);
  await app.register(errorRoute);
};

/** The provider's callback, registered at the root: its address is fixed at the provider. */
export const eidCallbackFeature: FastifyPluginAsync = async (app) => {
  await app.register(callbackRoute);
};
