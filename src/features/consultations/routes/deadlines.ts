import { and, asc, eq, gte } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import Type, { type Static } from "typebox";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { calendar } from "../../../core/ical.js";
import { structures } from "../../../core/structures/tables.js";
import { consultations } from "../tables.js";

/** How long a closed consultation's deadline stays in the calendar, so it does not vanish the moment it passes. */
const KEPT_AFTER_CLOSING_MS = 31 * 86_400_000;

const DeadlinesQuery = Type.Object({ structure: Type.Optional(Type.String({ maxLength: 100 })) });

/**
 * The calendar of consultation deadlines people subscribe to: each published consultation's closing
 * time as a moment (an announced or open one, and one closed in the last month), with its page's
 * address; the whole portal's or one structure's (?structure=<code>).
 */
export const deadlineRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: Static<typeof DeadlinesQuery> }>(
    "/feeds/consultation-deadlines.ics",
    { schema: { querystring: DeadlinesQuery } },
    async (request, reply) => {
      const code = request.query.structure;
      const [structure] = code
        ? await app.db.select({ id: structures.id }).from(structures).where(eq(structures.code, code))
        : [];
      if (code && !structure) throw new NotFoundError();
      const rows = await app.db
        .select({
          id: consultations.id,
          title: consultations.title,
          summary: consultations.summary,
          closesAt: consultations.closesAt,
          updatedAt: consultations.updatedAt,
        })
        .from(consultations)
        .where(
          and(
            eq(consultations.visibility, "published"),
            gte(consultations.closesAt, new Date(Date.now() - KEPT_AFTER_CLOSING_MS)),
            structure ? eq(consultations.structureId, structure.id) : undefined,
          ),
        )
        .orderBy(asc(consultations.closesAt))
        .limit(500);
      const { locale, t } = request;
      return reply
        .header("cache-control", "public, max-age=300")
        .type("text/calendar; charset=utf-8")
        .send(
          calendar(
            t("consultations.feeds.deadlines"),
            rows.map((c) => ({
              uid: `consultation-${c.id}-closes@sharek`,
              title: t("consultations.feeds.deadlineTitle", { title: pickLocalized(c.title, locale).text }),
              description: pickLocalized(c.summary, locale).text,
              location: "",
              url: `${app.config.publicUrl}/${locale}/consultations/${c.id}`,
              startsAt: c.closesAt,
              updatedAt: c.updatedAt,
              cancelled: false,
            })),
          ),
        );
    },
  );
};
