import { eq } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireStaff } from "../../../core/auth/plugin.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { type FieldErrors, formSchema } from "../../../core/forms.js";
import { readUpload } from "../../../core/security/uploads.js";
import { adminAbilities } from "../../admin/abilities.js";
import { addDocument, type DocumentField, deleteDocument } from "../commands/documents.js";
import {
  addQuestion,
  deleteQuestion,
  type QuestionField,
  type QuestionInput,
} from "../commands/questions.js";
import {
  addSection,
  deleteSection,
  type ImportField,
  importSections,
  type SectionField,
  textEditable,
  updateSection,
} from "../commands/sections.js";
import { LIMITS } from "../fields.js";
import type { ConsultationView } from "../queries.js";
import { findSection, listDocuments, listQuestions, listSections } from "../queries.js";
import { consultationResponses } from "../tables.js";
import { DocumentsPage, SectionEditPage, SectionsPage } from "../views/admin/content-pages.js";
import { QuestionnaireAdminPage } from "../views/admin/questionnaire-admin-page.js";
import { changeContext, loadAdmin } from "./load.js";
import { IdParams } from "./public.js";

const ItemParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  itemId: Type.String({ maxLength: 100 }),
});
type ItemParams = Static<typeof ItemParams>;
const SectionBody = formSchema({
  titleAr: 2000,
  titleFr: 2000,
  titleEn: 2000,
  bodyAr: 100_000,
  bodyFr: 100_000,
  bodyEn: 100_000,
});
const ImportBody = formSchema({ text: 200_000, language: 5 });
const QuestionBody = formSchema({
  kind: 20,
  promptAr: 5000,
  promptFr: 5000,
  promptEn: 5000,
  optionsAr: 20_000,
  optionsFr: 20_000,
  optionsEn: 20_000,
  scaleMin: 5,
  scaleMax: 5,
  required: 5,
});
const EmptyBody = formSchema({});

/** The admin pages of a consultation's content: its sections, questionnaire and documents. */
export const adminContentRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.header("cache-control", "no-store");
  });

  // --- Sections

  const sectionsPage = async (
    request: FastifyRequest,
    c: ConsultationView,
    state: {
      sectionValues?: Record<string, string>;
      sectionErrors?: FieldErrors<SectionField>;
      importValues?: Record<string, string>;
      importErrors?: FieldErrors<ImportField>;
    } = {},
  ) => {
    const sections = await listSections(app.db, c.id);
    return (
      <SectionsPage
        abilities={adminAbilities(request.actor)}
        c={c}
        sections={sections}
        editable={textEditable(c)}
        {...state}
      />
    );
  };

  app.get<{ Params: IdParams }>(
    "/admin/consultations/:id/sections",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id);
      return reply.render(await sectionsPage(request, c));
    },
  );

  app.post<{ Params: IdParams; Body: Partial<Record<SectionField, string>> }>(
    "/admin/consultations/:id/sections",
    { schema: { params: IdParams, body: SectionBody } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "update");
      const result = await addSection(app.db, c, request.body, changeContext(request));
      if (!result.ok)
        return reply.render(
          await sectionsPage(request, c, {
            sectionValues: request.body as Record<string, string>,
            sectionErrors: result.errors,
          }),
          422,
        );
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/sections`, {
        kind: "success",
        message: "consultations.flash.sectionAdded",
      });
    },
  );

  app.post<{ Params: IdParams; Body: Partial<Record<ImportField, string>> }>(
    "/admin/consultations/:id/sections/import",
    { schema: { params: IdParams, body: ImportBody } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "update");
      const result = await importSections(app.db, c, request.body, changeContext(request));
      if (!result.ok)
        return reply.render(
          await sectionsPage(request, c, {
            importValues: request.body as Record<string, string>,
            importErrors: result.errors,
          }),
          422,
        );
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/sections`, {
        kind: "success",
        message: "consultations.flash.sectionsImported",
      });
    },
  );

  async function loadSection(request: FastifyRequest, params: ItemParams) {
    const c = await loadAdmin(request, params.id, "update");
    const sections = await listSections(app.db, c.id);
    const index = sections.findIndex((s) => s.id === params.itemId);
    if (index < 0) throw new NotFoundError();
    return { c, section: sections[index]!, index };
  }

  app.get<{ Params: ItemParams }>(
    "/admin/consultations/:id/sections/:itemId",
    { schema: { params: ItemParams } },
    async (request, reply) => {
      const { c, section, index } = await loadSection(request, request.params);
      const values = {
        titleAr: section.title.ar,
        titleFr: section.title.fr,
        titleEn: section.title.en,
        bodyAr: section.body.ar,
        bodyFr: section.body.fr,
        bodyEn: section.body.en,
      };
      return reply.render(
        <SectionEditPage
          abilities={adminAbilities(request.actor)}
          c={c}
          section={section}
          index={index}
          values={values}
        />,
      );
    },
  );

  app.post<{ Params: ItemParams; Body: Partial<Record<SectionField, string>> }>(
    "/admin/consultations/:id/sections/:itemId",
    { schema: { params: ItemParams, body: SectionBody } },
    async (request, reply) => {
      const { c, section, index } = await loadSection(request, request.params);
      const result = await updateSection(app.db, c, section, request.body, changeContext(request));
      if (!result.ok)
        return reply.render(
          <SectionEditPage
            abilities={adminAbilities(request.actor)}
            c={c}
            section={section}
            index={index}
            values={request.body}
            errors={result.errors}
          />,
          422,
        );
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/sections`, {
        kind: "success",
        message: "consultations.flash.sectionUpdated",
      });
    },
  );

  app.post<{ Params: ItemParams }>(
    "/admin/consultations/:id/sections/:itemId/delete",
    { schema: { params: ItemParams, body: EmptyBody } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "update");
      const section = await findSection(app.db, c.id, request.params.itemId);
      if (!section) throw new NotFoundError();
      const result = await deleteSection(app.db, c, section, changeContext(request));
      if (!result.ok)
        return reply.render(await sectionsPage(request, c, { sectionErrors: result.errors }), 409);
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/sections`, {
        kind: "success",
        message: "consultations.flash.sectionDeleted",
      });
    },
  );

  // --- Questionnaire

  const questionsPage = async (
    request: FastifyRequest,
    c: ConsultationView,
    values?: Record<string, string>,
    errors?: FieldErrors<QuestionField>,
  ) => {
    const [questions, responded] = await Promise.all([
      listQuestions(app.db, c.id),
      app.db.$count(consultationResponses, eq(consultationResponses.consultationId, c.id)),
    ]);
    return (
      <QuestionnaireAdminPage
        abilities={adminAbilities(request.actor)}
        c={c}
        questions={questions}
        editable={textEditable(c) && responded === 0}
        values={values}
        errors={errors}
      />
    );
  };

  app.get<{ Params: IdParams }>(
    "/admin/consultations/:id/questionnaire",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id);
      return reply.render(await questionsPage(request, c));
    },
  );

  app.post<{ Params: IdParams; Body: QuestionInput }>(
    "/admin/consultations/:id/questionnaire",
    { schema: { params: IdParams, body: QuestionBody } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "update");
      const result = await addQuestion(app.db, c, request.body, changeContext(request));
      if (!result.ok)
        return reply.render(
          await questionsPage(request, c, request.body as Record<string, string>, result.errors),
          422,
        );
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/questionnaire`, {
        kind: "success",
        message: "consultations.flash.questionAdded",
      });
    },
  );

  app.post<{ Params: ItemParams }>(
    "/admin/consultations/:id/questionnaire/:itemId/delete",
    { schema: { params: ItemParams, body: EmptyBody } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "update");
      const question = (await listQuestions(app.db, c.id)).find((q) => q.id === request.params.itemId);
      if (!question) throw new NotFoundError();
      const result = await deleteQuestion(app.db, c, question, changeContext(request));
      if (!result.ok) return reply.render(await questionsPage(request, c, {}, result.errors), 409);
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/questionnaire`, {
        kind: "success",
        message: "consultations.flash.questionDeleted",
      });
    },
  );

  // --- Documents

  const documentsPage = async (
    request: FastifyRequest,
    c: ConsultationView,
    values?: Record<string, string>,
    errors?: FieldErrors<DocumentField>,
  ) => (
    <DocumentsPage
      abilities={adminAbilities(request.actor)}
      c={c}
      documents={await listDocuments(app.db, c.id)}
      values={values}
      errors={errors}
    />
  );

  app.get<{ Params: IdParams }>(
    "/admin/consultations/:id/documents",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id);
      return reply.render(await documentsPage(request, c));
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
      if (!result.ok) return reply.render(await documentsPage(request, c, fields, result.errors), 422);
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
