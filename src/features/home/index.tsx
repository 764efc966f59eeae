import type { FastifyPluginAsync } from "fastify";
import { countStructuresByKind, listGovernorates } from "../structures/queries.js";
import { HomePage } from "./views/home-page.js";

export const homeFeature: FastifyPluginAsync = async (app) => {
  app.get("/", async (_request, reply) => {
    const [counts, govs] = await Promise.all([countStructuresByKind(app.db), listGovernorates(app.db)]);
    reply.header("cache-control", "public, max-age=60");
    return reply.render(<HomePage counts={counts} governorates={govs} />);
  });
};
