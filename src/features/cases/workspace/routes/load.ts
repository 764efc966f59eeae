import type { FastifyReply, FastifyRequest } from "fastify";
import { requireStaff } from "../../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../../core/errors/app-error.js";
import { isUuid } from "../../../../core/ids.js";
import { loadCalendarFor } from "../../../calendar/queries.js";
import { listDirectoryNodes, listStructuresByIds } from "../../../structures/queries.js";
import { CENTRAL_OFFICE_CODE } from "../../../structures/reference-data.js";
import { findCase } from "../../queries.js";
import { requireCase, type StaffContext } from "../commands/context.js";
import { dueSoonLimit } from "../deadline-state.js";
import {
  type CaseStaffAction,
  canListRoutingRules,
  canQueue,
  canSetPreferences,
  queueScope,
  templateScope,
  workloadScope,
} from "../policy.js";
import type { CaseRow } from "../queries/case.js";
import type { QueueClock } from "../queries/queue.js";
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
  const workload = workloadScope(request.actor);
  return {
    workload: workload === "all" || workload.length > 0,
    templates: scope === "all" || scope.length > 0,
    routing: canListRoutingRules(request.actor),
    teams: scope === "all" || scope.length > 0,
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
  reply.noStore();
  return requireStaff(request, reply);
}

/** Which structures a page is for: those in the actor's scope, each checked again by `can`. */
export interface StructureAccess {
  scope: "all" | string[];
  can: (structureId: string) => boolean;
}

/** The queue's access: a structure's handlers (policy.ts canQueue). */
export const queueAccess = (request: FastifyRequest): StructureAccess => ({
  scope: queueScope(request.actor),
  can: (id) => canQueue(request.actor, id),
});

/** The structures whose queues the actor may open, active ones, by code. */
export const queueStructures = (request: FastifyRequest) => structuresIn(request, queueScope(request.actor));

/**
 * The structures whose response templates and teams the actor manages (a structure admin's; a
 * platform admin's, all), active ones, by code; 403 when none.
 */
export async function managedStructures(request: FastifyRequest) {
  const structures = await structuresIn(request, templateScope(request.actor));
  if (structures.length === 0) throw new ForbiddenError();
  return structures;
}

/** The structures in scope, active ones, by code. */
async function structuresIn(request: FastifyRequest, scope: StructureAccess["scope"]) {
  const db = request.server.db;
  const rows = scope === "all" ? await listDirectoryNodes(db) : await listStructuresByIds(db, scope);
  return rows.filter((s) => !s.retiredAt).sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The page's structure (the queue's by default): the one asked for when the actor may open it (404
 * otherwise: another structure's queue does not exist for them), else their first, or the central
 * office for platform admins. No structure at all (a moderator, say): 403.
 */
export async function pickStructure(
  request: FastifyRequest,
  wanted: string | undefined,
  access: StructureAccess = queueAccess(request),
) {
  const structures = await structuresIn(request, access.scope);
  if (structures.length === 0) throw new ForbiddenError();
  if (wanted) {
    const found = isUuid(wanted) ? structures.find((s) => s.id === wanted) : undefined;
    if (!found || !access.can(found.id)) throw new NotFoundError();
    return { structure: found, structures };
  }
  const fallback =
    structures.find((s) => s.code === CENTRAL_OFFICE_CODE && request.actor.platformAdmin) ?? structures[0]!;
  return { structure: fallback, structures };
}

/** The moment a queue (or its export) is read at, and who reads it. */
export async function queueClock(request: FastifyRequest): Promise<QueueClock> {
  const now = new Date();
  return {
    now,
    soonLimit: dueSoonLimit(now, await loadCalendarFor(request.server.db, now)),
    accountId: request.actor.accountId!,
  };
}
