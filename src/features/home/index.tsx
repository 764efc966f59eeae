import type { FastifyPluginAsync } from "fastify";
import { listOpenConsultations } from "../consultations/list-queries.js";
import { listPinnedNews } from "../news/queries.js";
import { countStructuresByKind, listGovernorates } from "../structures/queries.js";
import { HomePage } from "./views/home-page.js";

export const homeFeature: FastifyPluginAsync = async (app) => {
  app.get("/", async (_request, reply) => {
    const [counts, govs, open, pinned] = await Promise.all([
      countStructuresByKind(app.db),
      listGovernorates(app.db),
      listOpenConsultations(app.db, 3),
      listPinnedNews(app.db, 3),
    ]);
    reply.header("cache-control", "public, max-age=60");
    return reply.render(
      <HomePage counts={counts} governorates={govs} openConsultations={open} pinnedNews={pinned} />,
    );
  });
};
