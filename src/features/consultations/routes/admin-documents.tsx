import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../core/forms.js";
import { readUpload } from "../../../core/security/uploads.js";
import { addDocument, type DocumentField, deleteDocument } from "../commands/documents.js";
import { LIMITS } from "../fields.js";
import type { ConsultationView } from "../queries.js";
import { listDocuments } from "../queries.js";
import { DocumentsPage } from "../views/admin/content-pages.js";
import { EmptyBody, ItemParams } from "./admin-content-params.js";
import { changeContext, loadAdmin } from "./load.js";
import { IdParams } from "./public.js";

/** A consultation's documents: uploaded files listed on its public page. */
export const adminDocumentsRoutes: FastifyPluginAsync = async (app) => {
  const documentsPage = async (
    c: ConsultationView,
    values?: Record<string, string>,
    errors?: FieldErrors<DocumentField>,
  ) => <DocumentsPage c={c} documents={await listDocuments(app.db, c.id)} values={values} errors={errors} />;

  app.get<{ Params: IdParams }>(
    "/admin/consultations/:id/documents",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id);
      return reply.render(await documentsPage(c));
    },
  );

  app.post<{ Params: IdParams }>(
    "/admin/consultations/:id/documents",
    { schema: { params: IdParams }, config: { upload: { maxFileSize: LIMITS.documentBytes, maxFiles: 1 } } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "update");
      const { fields, files } = await readUpload(request);
      const result = await addDocument(
        app.db,
        app.files,
        c,
        fields,
        files.find((f) => f.field === "file"),
        changeContext(request),
      );
      if (!result.ok) return reply.render(await documentsPage(c, fields, result.errors), 422);
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/documents`, {
        kind: "success",
        message: "consultations.flash.documentAdded",
      });
    },
  );

  app.post<{ Params: ItemParams }>(
    "/admin/consultations/:id/documents/:itemId/delete",
    { schema: { params: ItemParams, body: EmptyBody } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "update");
      const doc = (await listDocuments(app.db, c.id)).find((d) => d.id === request.params.itemId);
      if (!doc) throw new NotFoundError();
      await deleteDocument(app.db, c, doc, changeContext(request));
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/documents`, {
        kind: "success",
        message: "consultations.flash.documentDeleted",
      });
    },
  );
};
