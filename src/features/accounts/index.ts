import type { FastifyPluginAsync } from "fastify";

/** Citizen accounts: sign-up, e-mail verification, sign-in and out, password reset, account settings. */
export const accountsFeature: FastifyPluginAsync = async () => {};
