import type { FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * A route whose use must leave no trace of its time: it is left out of the per-route request
     * metrics and does not touch the caller's session (the integrity channel's routes).
     */
    private?: boolean;
  }
}

/** Whether the request went to a route marked `config: { private: true }`. */
export function isPrivateRoute(request: FastifyRequest): boolean {
  return request.routeOptions.config?.private === true;
}
