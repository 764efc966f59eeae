import type { FastifyPluginAsync } from "fastify";

/** The component gallery (development only): every component in every state, in each language. */
export const galleryFeature: FastifyPluginAsync = async () => {};
