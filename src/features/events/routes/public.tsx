import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { requireAccount } from "../../../core/auth/plugin.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { type CalendarEntry, calendar } from "../../../core/ical.js";
import { requestedPage } from "../../../core/paging.js";
import { qrSvg } from "../../../core/views/sharing.js";
import { listGovernorates } from "../../structures/queries.js";
import { cancelRegistration, registerForEvent, waitingLine } from "../commands/registrations.js";
import { canEvent } from "../policy.js";
import {
  type EventSummary,
  findEvent,
  findRegistration,
  listFeedEvents,
  listUpcomingEvents,
} from "../queries.js";
import { AgendaQuery, EmptyBody, EventParams } from "../schema.js";
import { AgendaPage } from "../views/agenda-page.js";
import { EventPage } from "../views/event-page.js";
import { EventPosterPage } from "../views/poster-page.js";

const PAGE_SIZE = 20;

export const publicEventRoutes: FastifyPluginAsync = async (app) => {
  const governorateNames = async () =>
    new Map<string, LocalizedText>((await listGovernorates(app.db)).map((g) => [g.code, g.name]));
  const pageUrl = (request: FastifyRequest, id: string) =>
    `${app.config.publicUrl}/${request.locale}/events/${id}`;
  const load = async (id: string) => {
    const event = await findEvent(app.db, id);
    if (!event) throw new NotFoundError();
    return event;
  };
  const entry = (
    request: FastifyRequest,
    e: EventSummary,
    names: Map<string, LocalizedText>,
  ): CalendarEntry => {
    const pick = (text: LocalizedText | undefined) => pickLocalized(text, request.locale).text;
    return {
      uid: `${e.id}@sharek`,
      title: pick(e.title),
      description: pick(e.description),
      location:
        e.mode === "online"
          ? request.t("events.mode.online")
          : [pick(e.venue), pick(names.get(e.governorateCode ?? ""))].filter(Boolean).join(", "),
      url: pageUrl(request, e.id),
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      updatedAt: e.updatedAt,
      cancelled: e.cancelledAt !== null,
    };
  };

  app.get<{ Querystring: AgendaQuery }>(
    "/events",
    { schema: { querystring: AgendaQuery } },
    async (request, reply) => {
      const governorates = await listGovernorates(app.db);
      const wanted = (request.query.governorate ?? "").toUpperCase();
      const governorate = governorates.some((g) => g.code === wanted) ? wanted : "";
      const found = await listUpcomingEvents(app.db, {
        governorate: governorate || undefined,
        page: requestedPage(request.query.page),
        pageSize: PAGE_SIZE,
      });
      reply.header("cache-control", "public, max-age=60");
      return reply.render(
        <AgendaPage
          events={found.rows}
          total={found.total}
          governorate={governorate}
          governorates={governorates}
          page={found.page}
          totalPages={found.totalPages}
        />,
      );
    },
  );

  app.get<{ Querystring: AgendaQuery }>(
    "/events/calendar.ics",
    { schema: { querystring: AgendaQuery } },
    async (request, reply) => {
      const names = await governorateNames();
      const wanted = (request.query.governorate ?? "").toUpperCase();
      const since = new Date(Date.now() - 31 * 86_400_000);
      const rows = (await listFeedEvents(app.db, since)).filter(
        (e) => !wanted || e.governorateCode === wanted,
      );
      return reply
        .header("cache-control", "public, max-age=300")
        .type("text/calendar; charset=utf-8")
        .send(
          calendar(
            request.t("events.agenda.title"),
            rows.map((e) => entry(request, e, names)),
          ),
        );
    },
  );

  app.get<{ Params: EventParams }>(
    "/events/:id",
    { schema: { params: EventParams } },
    async (request, reply) => {
      const event = await load(request.params.id);
      const registration = request.account
        ? await findRegistration(app.db, event.id, request.account.id)
        : undefined;
      const position =
        registration?.status === "waiting"
          ? (await waitingLine(app.db, event.id)).indexOf(registration.accountId) + 1
          : null;
      return reply.render(
        <EventPage
          event={event}
          governorates={await governorateNames()}
          registration={registration}
          position={position}
          url={pageUrl(request, event.id)}
          open={!event.cancelledAt && event.startsAt > new Date()}
          canAttendance={canEvent(request.actor, "attendance", event)}
        />,
      );
    },
  );

  app.get<{ Params: EventParams }>(
    "/events/:id/calendar.ics",
    { schema: { params: EventParams } },
    async (request, reply) => {
      const event = await load(request.params.id);
      return reply
        .header("cache-control", "public, max-age=300")
        .header("content-disposition", `attachment; filename="event-${event.id}.ics"`)
        .type("text/calendar; charset=utf-8")
        .send(calendar(request.t("events.agenda.title"), [entry(request, event, await governorateNames())]));
    },
  );

  app.get<{ Params: EventParams }>(
    "/events/:id/poster",
    { schema: { params: EventParams } },
    async (request, reply) => {
      const event = await load(request.params.id);
      const url = pageUrl(request, event.id);
      reply.header("cache-control", "public, max-age=300");
      return reply.render(
        <EventPosterPage
          event={event}
          governorates={await governorateNames()}
          url={url}
          qr={await qrSvg(url)}
        />,
      );
    },
  );

  const mail = { publicUrl: app.config.publicUrl };

  app.post<{ Params: EventParams }>(
    "/events/:id/register",
    { schema: { params: EventParams, body: EmptyBody }, preHandler: requireAccount },
    async (request, reply) => {
      const event = await load(request.params.id);
      const outcome = await registerForEvent(app.db, event.id, request.account!.id, mail);
      return reply.redirectWithFlash(`/events/${event.id}`, {
        kind: outcome === "confirmed" || outcome === "waiting" ? "success" : "info",
        message: `events.flash.${outcome}`,
      });
    },
  );

  app.post<{ Params: EventParams }>(
    "/events/:id/cancel",
    { schema: { params: EventParams, body: EmptyBody }, preHandler: requireAccount },
    async (request, reply) => {
      const event = await load(request.params.id);
      const cancelled = await cancelRegistration(app.db, event.id, request.account!.id, mail);
      return reply.redirectWithFlash(`/events/${event.id}`, {
        kind: cancelled ? "success" : "info",
        message: cancelled ? "events.flash.cancelled" : "events.flash.nothingToCancel",
      });
    },
  );
};
