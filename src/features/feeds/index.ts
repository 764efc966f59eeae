import { eq } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import Type, { type Static } from "typebox";
import { NotFoundError } from "../../core/errors/app-error.js";
import { feedsOf } from "../../core/features/registry.js";
import { pickLocalized } from "../../core/i18n/localized.js";
import { structures } from "../../core/structures/tables.js";
import { atomFeed } from "./atom.js";

/** How many entries a feed holds: the newest. */
export const FEED_LIMIT = 50;

const FeedParams = Type.Object({ file: Type.String({ maxLength: 100 }) });
const FeedQuery = Type.Object({ structure: Type.Optional(Type.String({ maxLength: 100 })) });

/**
 * Every feature's Atom feeds (`feeds` in its manifest), /:lang/feeds/<kind>.atom, the whole
 * portal's or one structure's (?structure=<code>). An unknown kind or structure is a 404.
 */
export const feedsFeature: FastifyPluginAsync = async (app) => {
  const { publicUrl } = app.config;
  const sources = feedsOf(app.features);

  app.get<{ Params: Static<typeof FeedParams>; Querystring: Static<typeof FeedQuery> }>(
    "/feeds/:file",
    { schema: { params: FeedParams, querystring: FeedQuery } },
    async (request, reply) => {
      const source = sources.find((s) => `${s.kind}.atom` === request.params.file);
      if (!source) throw new NotFoundError();
      const code = request.query.structure;
      const [structure] = code
        ? await app.db
            .select({ id: structures.id, code: structures.code, name: structures.name })
            .from(structures)
            .where(eq(structures.code, code))
        : [];
      if (code && !structure) throw new NotFoundError();
      const { locale, t } = request;
      const base = `${publicUrl}/${locale}`;
      const entries = await source.entries(app.db, {
        locale,
        structure: structure && { id: structure.id, code: structure.code },
        limit: FEED_LIMIT,
      });
      const body = atomFeed({
        locale,
        selfUrl: `${base}/feeds/${source.kind}.atom${structure ? `?structure=${encodeURIComponent(structure.code)}` : ""}`,
        pageUrl: structure
          ? `${base}/structures/${encodeURIComponent(structure.code)}`
          : `${base}${source.path}`,
        title: structure
          ? `${t(source.titleKey)} · ${pickLocalized(structure.name, locale).text}`
          : t(source.titleKey),
        author: t("views.layout.siteName"),
        base,
        entries,
      });
      return reply
        .header("cache-control", "public, max-age=300")
        .type("application/atom+xml; charset=utf-8")
        .sendShared(body);
    },
  );
};
