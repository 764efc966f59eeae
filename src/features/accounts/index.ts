import type { FastifyPluginAsync } from "fastify";
import { accountRoutes } from "./routes/account.js";
import { dataRoutes } from "./routes/data.js";
import { passwordRoutes } from "./routes/password.js";
import { signInRoutes } from "./routes/sign-in.js";
import { signUpRoutes } from "./routes/sign-up.js";

/** Citizen accounts: sign-up, e-mail verification, sign-in and out, password reset, account settings. */
export const accountsFeature: FastifyPluginAsync = async (app) => {
  await app.register(signUpRoutes);
  await app.register(signInRoutes);
  await app.register(passwordRoutes);
  await app.register(accountRoutes);
  await app.register(dataRoutes);
};
