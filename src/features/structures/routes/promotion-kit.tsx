import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { qrSvg } from "../../../core/views/sharing.js";
import { findStructureByCode } from "../queries.js";
import { CodeParams } from "../schema.js";
import { PromotionSheetPage, type SheetLink, type SheetSize } from "../views/promotion-sheet.js";

/**
 * A structure's promotion kit: /:lang/structures/:code/poster (A4) and …/flyer (A5), public like
 * the structure's page, linked from it and from the structure's admin page. A retired structure
 * takes no more requests: it has no kit (404).
 */
export const promotionKitRoutes: FastifyPluginAsync = async (app) => {
  const sheets: Array<[path: string, size: SheetSize]> = [
    ["poster", "a4"],
    ["flyer", "a5"],
  ];
  for (const [path, size] of sheets) {
    app.get<{ Params: CodeParams }>(
      `/structures/:code/${path}`,
      { schema: { params: CodeParams } },
      async (request, reply) => {
        const structure = await findStructureByCode(app.db, request.params.code);
        if (!structure || structure.retiredAt) throw new NotFoundError();
        const base = `${app.config.publicUrl}/${request.locale}`;
        const code = encodeURIComponent(structure.code);
        const urls = {
          request: `${base}/requests/new?structure=${code}`,
          consultations: `${base}/consultations?status=open&structure=${code}`,
        };
        const links: SheetLink[] = await Promise.all(
          (["request", "consultations"] as const).map(async (key) => ({
            key,
            url: urls[key],
            qr: await qrSvg(urls[key]),
          })),
        );
        reply.header("cache-control", "public, max-age=300");
        return reply.render(
          <PromotionSheetPage
            structure={structure}
            size={size}
            links={links}
            portal={app.config.publicUrl}
          />,
        );
      },
    );
  }
};
