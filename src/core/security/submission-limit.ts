import type { FastifyInstance } from "fastify";

/**
 * The per-client rate limit of what people send (a request, an idea, a comment, an answer): the
 * SUBMISSION_RATE_LIMIT setting, per minute.
 */
export const submissionLimit = (app: FastifyInstance) => ({
  rateLimit: { max: app.config.SUBMISSION_RATE_LIMIT, timeWindow: 60_000 },
});
