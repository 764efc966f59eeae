import type { FastifyReply, FastifyRequest } from "fastify";
import { requireStaff } from "../../../../core/auth/plugin.js";
import { NotFoundError } from "../../../../core/errors/app-error.js";
import { requireCase, type StaffContext } from "../commands/context.js";
import { type CaseStaffAction, canListRoutingRules, canSetPreferences, templateScope } from "../policy.js";
import { type CaseRow, findCase } from "../queries/case.js";
import type { StaffNav } from "../views/staff-layout.js";

/** The context commands need, from the request. */
export function staffContext(request: FastifyRequest): StaffContext {
  const { config } = request.server;
  return {
    db: request.server.db,
    actor: request.actor,
    request,
    mail: { publicUrl: config.publicUrl, secret: config.cookieSecret },
  };
}

/** Which workspace sections the actor may open. */
export function staffNav(request: FastifyRequest): StaffNav {
  const scope = templateScope(request.actor);
  return {
    templates: scope === "all" || scope.length > 0,
    routing: canListRoutingRules(request.actor),
    preferences: canSetPreferences(request.actor),
  };
}

/**
 * Loads the request a route acts on and checks it twice: one the actor may not see (or an unknown
 * or malformed id) answers 404; an action they may not take, 403; one its status no longer
 * allows, 409.
 */
export async function loadCase(
  request: FastifyRequest,
  id: string,
  action: CaseStaffAction = "view",
): Promise<CaseRow> {
  const c = await findCase(request.server.db, id);
  if (!c) throw new NotFoundError();
  return requireCase(staffContext(request), action, c);
}

/** Staff pages: the staff guard, and never cached (they show personal data). */
export async function staffGuard(request: FastifyRequest, reply: FastifyReply) {
  reply.header("cache-control", "no-store");
  return requireStaff(request, reply);
}
