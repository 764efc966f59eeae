import { eq } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { type FieldErrors, formSchema } from "../../../core/forms.js";
import {
  addQuestion,
  deleteQuestion,
  type QuestionField,
  type QuestionInput,
} from "../commands/questions.js";
import { textEditable } from "../commands/sections.js";
import type { ConsultationView } from "../queries.js";
import { listQuestions } from "../queries.js";
import { consultationResponses } from "../tables.js";
import { QuestionnaireAdminPage } from "../views/admin/questionnaire-admin-page.js";
import { EmptyBody, ItemParams } from "./admin-content-params.js";
import { changeContext, loadAdmin } from "./load.js";
import { IdParams } from "./public.js";

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

/** A consultation's questionnaire: its questions, added and deleted while nobody has answered. */
export const adminQuestionnaireRoutes: FastifyPluginAsync = async (app) => {
  const questionsPage = async (
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
      return reply.render(await questionsPage(c));
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
          await questionsPage(c, request.body as Record<string, string>, result.errors),
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
      if (!result.ok) return reply.render(await questionsPage(c, {}, result.errors), 409);
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/questionnaire`, {
        kind: "success",
        message: "consultations.flash.questionDeleted",
      });
    },
  );
};
