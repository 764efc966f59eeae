import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../../core/forms.js";
import { findCase } from "../../queries.js";
import { type AssignField, assignCase } from "../commands/assign-case.js";
import { canWorkload, workloadScope } from "../policy.js";
import { listMembers } from "../queries/handlers.js";
import { listQueue, QUEUE_PAGE_SIZE } from "../queries/queue.js";
import { listWorkload } from "../queries/workload.js";
import { parseQueueQuery } from "../queue-filters.js";
import { WorkloadAssignBody, WorkloadQuery } from "../schema.js";
import { WorkloadPage } from "../views/workload-page.js";
import {
  pickStructure,
  queueClock,
  type StructureAccess,
  staffContext,
  staffGuard,
  staffNav,
} from "./load.js";

/** The workload view is its structure's admins' (and platform admins'): policy.ts canWorkload. */
const workloadAccess = (request: FastifyRequest): StructureAccess => ({
  scope: workloadScope(request.actor),
  can: (id) => canWorkload(request.actor, id),
});

/** The list's query string (which assignee's requests, in which deadline state, which page). */
const listQuery = (structureId: string, q: WorkloadQuery) => {
  const params = new URLSearchParams({ structure: structureId });
  for (const key of ["assignee", "deadline", "page"] as const) if (q[key]) params.set(key, q[key]);
  return params.toString();
};

/**
 * A structure's open requests per agent by deadline state, and one agent's (or the unassigned)
 * requests with a form each to hand them to someone else (assignCase, as from the request page).
 */
export const workloadRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", staffGuard);

  const render = async (
    request: FastifyRequest,
    query: WorkloadQuery,
    failed?: { caseId: string; errors: FieldErrors<AssignField> },
  ) => {
    const { structure, structures } = await pickStructure(request, query.structure, workloadAccess(request));
    const clock = await queueClock(request);
    const handlers = await listMembers(app.db, structure.id);
    const lines = await listWorkload(app.db, structure.id, handlers, clock);
    const filters = query.assignee
      ? parseQueueQuery(
          { assignee: query.assignee, deadline: query.deadline, page: query.page },
          structure.id,
        )
      : undefined;
    const selected = filters?.assignee
      ? lines.find((l) => (l.id ?? "unassigned") === filters.assignee)
      : undefined;
    const rows = filters && selected ? await listQueue(app.db, filters, clock) : [];
    const listed = selected ? (filters?.deadline ? selected.counts[filters.deadline] : selected.total) : 0;
    return (
      <WorkloadPage
        nav={staffNav(request)}
        structures={structures}
        structure={structure}
        lines={lines}
        handlers={handlers}
        filters={filters}
        selected={selected}
        rows={rows}
        totalPages={Math.max(1, Math.ceil(listed / QUEUE_PAGE_SIZE))}
        back={listQuery(structure.id, query)}
        failed={failed}
      />
    );
  };

  app.get<{ Querystring: WorkloadQuery }>(
    "/staff/workload",
    { schema: { querystring: WorkloadQuery } },
    async (request, reply) => reply.render(await render(request, request.query)),
  );

  app.post<{ Body: WorkloadAssignBody }>(
    "/staff/workload/assign",
    { schema: { body: WorkloadAssignBody } },
    async (request, reply) => {
      const body = request.body;
      const { structure } = await pickStructure(request, body.structure ?? "", workloadAccess(request));
      // Only a request of this structure: any other does not exist from here.
      const c = await findCase(app.db, body.case ?? "");
      if (!c || c.structureId !== structure.id) throw new NotFoundError();
      const back = new URLSearchParams(body.back ?? "");
      const query: WorkloadQuery = {
        structure: structure.id,
        assignee: back.get("assignee") ?? undefined,
        deadline: back.get("deadline") ?? undefined,
        page: back.get("page") ?? undefined,
      };
      const result = await assignCase(staffContext(request), c.id, { assignee: body.assignee });
      if (!result.ok)
        return reply.render(await render(request, query, { caseId: c.id, errors: result.errors }), 422);
      return reply.redirectWithFlash(`/staff/workload?${listQuery(structure.id, query)}`, {
        kind: "success",
        message: "cases.workspace.flash.assigned",
      });
    },
  );
};
