import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../../core/forms.js";
import { listCategories, listGovernorates } from "../../../structures/queries.js";
import { type BulkField, bulkUpdate } from "../commands/bulk-update.js";
import { deleteView } from "../commands/delete-view.js";
import { saveView, type ViewField } from "../commands/save-view.js";
import { canCase } from "../policy.js";
import { countArrivedSince, recordQueueVisit } from "../preferences.js";
import { listMembers } from "../queries/handlers.js";
import { QUEUE_PAGE_SIZE, queuePage } from "../queries/queue.js";
import { normaliseSavedQuery, parseQueueQuery, type QueueQuery } from "../queue-filters.js";
import { findOwnView, listSavedViews } from "../saved-views.js";
import { BulkBody, EmptyBody, ItemParams, QueueQuerySchema, ViewBody } from "../schema.js";
import { QueuePage } from "../views/queue-page.js";
import type { BulkValues } from "../views/queue-parts.js";
import { pickStructure, queueClock, staffContext, staffGuard, staffNav } from "./load.js";

/** The queue of one structure, with bulk actions and saved views. */
export const queueRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", staffGuard);

  const render = async (
    request: FastifyRequest,
    query: QueueQuery,
    extra: {
      bulkErrors?: FieldErrors<BulkField>;
      bulkValues?: BulkValues;
      viewErrors?: FieldErrors<ViewField>;
      viewName?: string;
    } = {},
  ) => {
    const { structure, structures } = await pickStructure(request, query.structure);
    const filters = parseQueueQuery(query, structure.id);
    const clock = await queueClock(request);
    const newSince = await recordQueueVisit(app.db, request.actor.accountId!, clock.now);
    const [{ rows, counts }, categories, handlers, governorates, savedViews, newCount] = await Promise.all([
      queuePage(app.db, filters, clock),
      listCategories(app.db, structure.id),
      listMembers(app.db, structure.id),
      listGovernorates(app.db),
      listSavedViews(app.db, request.actor.accountId!, structure.id),
      newSince ? countArrivedSince(app.db, structure.id, newSince) : 0,
    ]);
    const probe = { structureId: structure.id, status: "new" as const, anonymous: false };
    return (
      <QueuePage
        nav={staffNav(request)}
        structures={structures}
        structure={structure}
        filters={filters}
        counts={counts}
        rows={rows}
        totalPages={Math.max(1, Math.ceil(counts.total / QUEUE_PAGE_SIZE))}
        categories={categories}
        handlers={handlers}
        governorates={governorates}
        savedViews={savedViews}
        newSince={newSince}
        newCount={newCount}
        canAssignOthers={canCase(request.actor, "assignOthers", probe)}
        {...extra}
      />
    );
  };

  app.get<{ Querystring: QueueQuery }>(
    "/staff/requests",
    { schema: { querystring: QueueQuerySchema } },
    async (request, reply) => reply.render(await render(request, request.query)),
  );

  app.post<{ Body: BulkBody }>(
    "/staff/requests/bulk",
    { schema: { body: BulkBody } },
    async (request, reply) => {
      const { structure } = await pickStructure(request, request.body.structure ?? "");
      const ids = [request.body.ids ?? []].flat();
      const result = await bulkUpdate(staffContext(request), {
        structureId: structure.id,
        ids,
        op: request.body.op,
        assignee: request.body.assignee,
        outcome: request.body.outcome,
        ground: request.body.ground,
        message: request.body.message,
      });
      if (!result.ok)
        return reply.render(
          await render(
            request,
            { structure: structure.id },
            {
              bulkErrors: result.errors,
              bulkValues: {
                ids,
                outcome: request.body.outcome,
                ground: request.body.ground,
                message: request.body.message,
              },
            },
          ),
          422,
        );
      return reply.redirectWithFlash(`/staff/requests?structure=${structure.id}`, {
        kind: result.value.skipped > 0 ? "info" : "success",
        message:
          result.value.skipped > 0 ? "cases.workspace.flash.bulkPartial" : "cases.workspace.flash.bulkDone",
      });
    },
  );

  app.post<{ Body: ViewBody }>(
    "/staff/requests/views",
    { schema: { body: ViewBody } },
    async (request, reply) => {
      const { structure } = await pickStructure(request, request.body.structure ?? "");
      const result = await saveView(staffContext(request), structure.id, request.body);
      if (!result.ok) {
        const query = Object.fromEntries(
          new URLSearchParams(normaliseSavedQuery(request.body.query ?? "", structure.id)),
        );
        return reply.render(
          await render(request, query, { viewErrors: result.errors, viewName: request.body.name }),
          422,
        );
      }
      return reply.redirectWithFlash(`/staff/requests?${result.value.query}`, {
        kind: "success",
        message: "cases.workspace.flash.viewSaved",
      });
    },
  );

  app.post<{ Params: ItemParams }>(
    "/staff/requests/views/:itemId/delete",
    { schema: { params: ItemParams, body: EmptyBody } },
    async (request, reply) => {
      const view = await findOwnView(app.db, request.actor.accountId!, request.params.itemId);
      if (!view) throw new NotFoundError();
      await deleteView(staffContext(request), view);
      return reply.redirectWithFlash(`/staff/requests?structure=${view.structureId}`, {
        kind: "success",
        message: "cases.workspace.flash.viewDeleted",
      });
    },
  );
};
