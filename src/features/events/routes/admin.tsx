import { inArray } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../core/forms.js";
import { structures } from "../../../core/structures/tables.js";
import { adminAbilities } from "../../admin/abilities.js";
import { listGovernorates } from "../../structures/queries.js";
import { changeContext } from "../../structures/routes/load.js";
import { listThemes } from "../../subscriptions/queries.js";
import { cancelEvent } from "../commands/cancel-event.js";
import { markAttendance } from "../commands/mark-attendance.js";
import { createEvent, type EventField, tunisTimeValue, updateEvent } from "../commands/save-event.js";
import { canEvent, type EventAction, eventScope, organiserScope } from "../policy.js";
import { type EventSummary, findEvent, listAttendees, listManagedEvents } from "../queries.js";
import { AttendanceBody, CancelEventBody, EventBody, EventParams } from "../schema.js";
import { AttendancePage } from "../views/attendance-page.js";
import { EventFormPage, type EventValues } from "../views/event-form-page.js";
import { EventsAdminPage } from "../views/events-admin-page.js";

/** Events in the admin area: structure admins run their structures' events, agents mark attendance. */
export const adminEventRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  const load = async (request: FastifyRequest, id: string, action: EventAction): Promise<EventSummary> => {
    const event = await findEvent(app.db, id);
    if (!event || !canEvent(request.actor, "attendance", event)) throw new NotFoundError();
    if (!canEvent(request.actor, action, event)) throw new ForbiddenError();
    return event;
  };
  const organisers = async (request: FastifyRequest) => {
    const scope = organiserScope(request.actor);
    const rows =
      scope !== "all" && scope.length === 0
        ? []
        : await app.db
            .select({ id: structures.id, name: structures.name })
            .from(structures)
            .where(scope === "all" ? undefined : inArray(structures.id, scope))
            .orderBy(structures.code);
    return { rows, allowed: scope === "all" ? ("all" as const) : new Set(scope) };
  };
  const formPage = async (
    request: FastifyRequest,
    values: EventValues,
    errors?: FieldErrors<EventField>,
    event?: EventSummary,
  ) => (
    <EventFormPage
      event={event}
      values={values}
      errors={errors}
      organisers={(await organisers(request)).rows}
      governorates={await listGovernorates(app.db)}
      themes={await listThemes(app.db)}
    />
  );

  app.get("/admin/events", async (request, reply) => {
    if (!adminAbilities(request.actor).events) throw new ForbiddenError();
    return reply.render(
      <EventsAdminPage
        events={await listManagedEvents(app.db, eventScope(request.actor))}
        canCreate={canEvent(request.actor, "create", null)}
      />,
    );
  });

  app.get("/admin/events/new", async (request, reply) => {
    if (!canEvent(request.actor, "create", null)) throw new ForbiddenError();
    return reply.render(await formPage(request, { capacity: "50" }));
  });

  app.post<{ Body: EventBody }>(
    "/admin/events/new",
    { schema: { body: EventBody } },
    async (request, reply) => {
      if (!canEvent(request.actor, "create", null)) throw new ForbiddenError();
      const { allowed } = await organisers(request);
      const result = await createEvent(app.db, request.body, allowed, changeContext(request));
      if (!result.ok) return reply.render(await formPage(request, request.body, result.errors), 422);
      return reply.redirectWithFlash(`/admin/events/${result.value.id}`, {
        kind: "success",
        message: "events.flash.created",
      });
    },
  );

  app.get<{ Params: EventParams }>(
    "/admin/events/:id",
    { schema: { params: EventParams } },
    async (request, reply) => {
      const event = await load(request, request.params.id, "attendance");
      return reply.render(
        <AttendancePage
          event={event}
          attendees={await listAttendees(app.db, event.id)}
          canUpdate={canEvent(request.actor, "update", event)}
        />,
      );
    },
  );

  app.get<{ Params: EventParams }>(
    "/admin/events/:id/edit",
    { schema: { params: EventParams } },
    async (request, reply) => {
      const e = await load(request, request.params.id, "update");
      const values: EventValues = {
        structureId: e.structureId,
        kind: e.kind,
        mode: e.mode,
        themeCode: e.themeCode ?? "",
        titleAr: e.title.ar,
        titleFr: e.title.fr,
        titleEn: e.title.en,
        descriptionAr: e.description.ar,
        descriptionFr: e.description.fr,
        descriptionEn: e.description.en,
        governorateCode: e.governorateCode ?? "",
        venueAr: e.venue.ar,
        venueFr: e.venue.fr,
        venueEn: e.venue.en,
        onlineUrl: e.onlineUrl ?? "",
        startsAt: tunisTimeValue(e.startsAt),
        endsAt: tunisTimeValue(e.endsAt),
        capacity: String(e.capacity),
      };
      return reply.render(await formPage(request, values, undefined, e));
    },
  );

  app.post<{ Params: EventParams; Body: EventBody }>(
    "/admin/events/:id/edit",
    { schema: { params: EventParams, body: EventBody } },
    async (request, reply) => {
      const event = await load(request, request.params.id, "update");
      const { allowed } = await organisers(request);
      const result = await updateEvent(app.db, event, request.body, allowed, {
        ...changeContext(request),
        mail: { publicUrl: app.config.publicUrl },
      });
      if (!result.ok) return reply.render(await formPage(request, request.body, result.errors, event), 422);
      return reply.redirectWithFlash(`/admin/events/${event.id}`, {
        kind: "success",
        message: "events.flash.updated",
      });
    },
  );

  app.post<{ Params: EventParams; Body: CancelEventBody }>(
    "/admin/events/:id/cancel",
    { schema: { params: EventParams, body: CancelEventBody } },
    async (request, reply) => {
      const event = await load(request, request.params.id, "update");
      const result = await cancelEvent(app.db, event, request.body, {
        ...changeContext(request),
        mail: { publicUrl: app.config.publicUrl },
      });
      if (!result.ok)
        return reply.render(
          <AttendancePage
            event={event}
            attendees={await listAttendees(app.db, event.id)}
            canUpdate
            cancelErrors={result.errors}
            reason={request.body.reason}
          />,
          422,
        );
      return reply.redirectWithFlash(`/admin/events/${event.id}`, {
        kind: result.value === "already" ? "info" : "success",
        message: result.value === "already" ? "events.flash.alreadyCancelled" : "events.flash.eventCancelled",
      });
    },
  );

  app.post<{ Params: EventParams; Body: AttendanceBody }>(
    "/admin/events/:id/attendance",
    { schema: { params: EventParams, body: AttendanceBody } },
    async (request, reply) => {
      const event = await load(request, request.params.id, "attendance");
      const present = [request.body.present ?? []].flat();
      await markAttendance(app.db, event, present, changeContext(request));
      return reply.redirectWithFlash(`/admin/events/${event.id}`, {
        kind: "success",
        message: "events.flash.attendanceSaved",
      });
    },
  );
};
