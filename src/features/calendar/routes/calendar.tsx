import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requirePlatformAdmin } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import { type FieldErrors, formSchema } from "../../../core/forms.js";
import { formatDay, formatMonthDay } from "../../../core/i18n/format.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { AdminConfirmPage } from "../../admin/views/confirm-page.js";
import { createHoliday } from "../commands/create-holiday.js";
import { deleteHoliday } from "../commands/delete-holiday.js";
import { parseInteger } from "../commands/fields.js";
import type { HolidayField, HolidayInput } from "../commands/holiday-fields.js";
import { updateHoliday } from "../commands/update-holiday.js";
import { tunisDay, yearOf } from "../days.js";
import { canCalendar } from "../policy.js";
import { findHoliday, listHolidays, listHolidayYears } from "../queries.js";
import { CalendarPage } from "../views/calendar-page.js";
import { HolidayEditPage } from "../views/holiday-edit-page.js";
import { holidayFormValues } from "../views/holiday-form.js";

const HolidayBody = formSchema({
  kind: 10,
  date: 40,
  month: 4,
  day: 4,
  nameAr: 400,
  nameFr: 400,
  nameEn: 400,
  year: 10,
});
type HolidayBodyType = Partial<Record<HolidayField | "year", string>>;
const YearQuery = Type.Object({ year: Type.Optional(Type.String({ maxLength: 10 })) });
const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** The year asked for, or this year in Tunis when it is missing or out of range. */
function yearFrom(value: string | undefined): number {
  const year = parseInteger(value);
  return year !== null && year >= MIN_YEAR && year <= MAX_YEAR ? year : yearOf(tunisDay(new Date()));
}

/** Platform admins keep the public holidays: a year's list, add, change, remove (each audited). */
export const calendarRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    reply.noStore();
  });
  const guard = async (request: FastifyRequest) => {
    if (!canCalendar(request.actor, "manage")) throw new ForbiddenError();
  };
  const preHandler = [requirePlatformAdmin, guard];

  const page = async (year: number, values: HolidayInput, errors?: FieldErrors<HolidayField>) => {
    const [holidays, stored] = await Promise.all([listHolidays(app.db, year), listHolidayYears(app.db)]);
    const now = yearOf(tunisDay(new Date()));
    const years = [...new Set([...stored, now - 1, now, now + 1, now + 2, year])].sort((a, b) => a - b);
    return <CalendarPage year={year} years={years} holidays={holidays} values={values} errors={errors} />;
  };

  app.get<{ Querystring: Static<typeof YearQuery> }>(
    "/admin/calendar",
    { preHandler, schema: { querystring: YearQuery } },
    async (request, reply) => reply.render(await page(yearFrom(request.query.year), { kind: "dated" })),
  );

  app.post<{ Body: HolidayBodyType }>(
    "/admin/calendar",
    { preHandler, schema: { body: HolidayBody } },
    async (request, reply) => {
      const year = yearFrom(request.body.year);
      const result = await createHoliday(app.db, request.body, { request });
      if (!result.ok) return reply.render(await page(year, request.body, result.errors), 422);
      return reply.redirectWithFlash(`/admin/calendar?year=${result.value.year ?? year}`, {
        kind: "success",
        message: "calendar.flash.created",
      });
    },
  );

  const load = async (request: FastifyRequest<{ Params: Static<typeof IdParams> }>) => {
    const holiday = await findHoliday(app.db, request.params.id);
    if (!holiday) throw new NotFoundError();
    return holiday;
  };
  const backTo = (date: string | null) => `/admin/calendar${date ? `?year=${yearOf(date)}` : ""}`;

  app.get<{ Params: Static<typeof IdParams> }>(
    "/admin/calendar/:id/edit",
    { preHandler, schema: { params: IdParams } },
    async (request, reply) => {
      const holiday = await load(request);
      return reply.render(
        <HolidayEditPage holiday={holiday} back={backTo(holiday.date)} values={holidayFormValues(holiday)} />,
      );
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Body: HolidayBodyType }>(
    "/admin/calendar/:id/edit",
    { preHandler, schema: { params: IdParams, body: HolidayBody } },
    async (request, reply) => {
      const holiday = await load(request);
      const result = await updateHoliday(app.db, holiday, request.body, { request });
      if (!result.ok) {
        return reply.render(
          <HolidayEditPage
            holiday={holiday}
            back={backTo(holiday.date)}
            values={request.body}
            errors={result.errors}
          />,
          422,
        );
      }
      const year = result.value.year ?? (holiday.date ? yearOf(holiday.date) : null);
      return reply.redirectWithFlash(`/admin/calendar${year ? `?year=${year}` : ""}`, {
        kind: "success",
        message: "calendar.flash.updated",
      });
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    "/admin/calendar/:id/delete",
    { preHandler, schema: { params: IdParams } },
    async (request, reply) => {
      const holiday = await load(request);
      const { t, locale } = request;
      const when = holiday.date
        ? formatDay(holiday.date, locale)
        : t("calendar.everyYear", { date: formatMonthDay(holiday.month!, holiday.day!, locale) });
      return reply.render(
        <AdminConfirmPage
          section="settings"
          cancel={t("calendar.cancel")}
          title={t("calendar.deleteTitle")}
          body={t("calendar.deleteBody", { name: pickLocalized(holiday.name, locale).text, when })}
          action={`/admin/calendar/${holiday.id}/delete`}
          back={backTo(holiday.date)}
          backText={t("calendar.title")}
          submit={t("calendar.deleteSubmit")}
        />,
      );
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    "/admin/calendar/:id/delete",
    { preHandler, schema: { params: IdParams } },
    async (request, reply) => {
      const holiday = await load(request);
      await deleteHoliday(app.db, holiday, { request });
      return reply.redirectWithFlash(backTo(holiday.date), {
        kind: "success",
        message: "calendar.flash.deleted",
      });
    },
  );
};
