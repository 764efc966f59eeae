import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { requireAccount } from "../../../core/auth/plugin.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { findDownload, listDataExports, requestDataExport } from "../data-export/exports.js";
import { DataExportExpiredPage, DataExportPage } from "../views/data-export-page.js";
import { privatePage } from "./shared.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DownloadParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });

/** "Download my data": ask for a copy, see when it is ready, download it. Signed-in only, one's own only. */
export const dataRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireAccount);
  app.addHook("onRequest", async (_request, reply) => privatePage(reply));

  app.get("/account/data", async (request, reply) => {
    const list = await listDataExports(app.db, request.account!.id);
    return reply.render(<DataExportPage list={list} now={new Date()} />);
  });

  app.post("/account/data", async (request, reply) => {
    const outcome = await requestDataExport(app.db, request.account!.id, request.locale);
    return reply.redirectWithFlash("/account/data", {
      kind: outcome === "requested" ? "success" : "info",
      message: outcome === "requested" ? "accounts.flash.exportRequested" : "accounts.flash.exportPending",
    });
  });

  app.get("/account/data/:id/download", { schema: { params: DownloadParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!UUID.test(id)) throw new NotFoundError();
    // Anyone else's export is "not found", whether or not it exists.
    const download = await findDownload(app.db, request.account!.id, id, new Date());
    if (!download.found) throw new NotFoundError();
    if (!download.zip) return reply.render(<DataExportExpiredPage />, 410);
    const day = download.readyAt.toISOString().slice(0, 10);
    return reply
      .type("application/zip")
      .header("content-disposition", `attachment; filename="sharek-my-data-${day}.zip"`)
      .send(download.zip);
  });
};
