import type { FastifyPluginAsync, FastifyReply } from "fastify";
import Type, { type Static } from "typebox";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { requestedPage } from "../../../core/paging.js";
import { listGovernorates } from "../../structures/queries.js";
import { isTheme } from "../fields.js";
import {
  LIST_STATUSES,
  type ListStatus,
  listConsultingStructures,
  listHighlights,
  listPublicConsultations,
} from "../list-queries.js";
import { hasClosed } from "../phase.js";
import { participationRefusal } from "../policy.js";
import { listDocuments, listQuestions } from "../queries.js";
import { hasResponded, questionnaireResults } from "../questionnaire-queries.js";
import { ConsultationListPage } from "../views/list-page.js";
import { QuestionnairePage, type QuestionnaireView } from "../views/questionnaire-page.js";
import { loadPublic } from "./load.js";
import { consultationPage, type ListQuery, sectionPage, synthesisPage, threadPage } from "./render.js";

export const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
export type IdParams = Static<typeof IdParams>;
const SectionParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  sectionId: Type.String({ maxLength: 100 }),
});
const CommentParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  commentId: Type.String({ maxLength: 100 }),
});
const DocumentParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  documentId: Type.String({ maxLength: 100 }),
});
const PageQuery = Type.Object({
  sort: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.String({ maxLength: 6 })),
});
const ListQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  theme: Type.Optional(Type.String({ maxLength: 40 })),
  structure: Type.Optional(Type.String({ maxLength: 80 })),
  area: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.String({ maxLength: 6 })),
});

const PAGE_SIZE = 12;
const HIGHLIGHTS = 6;

/** Public pages are shared by all; a CDN may keep anonymous views for a short while. */
function cacheable(reply: FastifyReply) {
  reply.header("cache-control", "public, max-age=30");
}

/** The public side: the list, a consultation's pages, its documents, and its questionnaire (read). */
export const publicRoutes: FastifyPluginAsync = async (app) => {
  app.get("/consultations", { schema: { querystring: ListQuerySchema } }, async (request, reply) => {
    const query = request.query as Static<typeof ListQuerySchema>;
    const status = (LIST_STATUSES as readonly string[]).includes(query.status ?? "")
      ? (query.status as ListStatus)
      : undefined;
    const values = {
      q: (query.q ?? "").trim(),
      status: status ?? "",
      theme: isTheme(query.theme) ? query.theme : "",
      structure: /^[a-z0-9-]{2,64}$/.test(query.structure ?? "") ? query.structure! : "",
      area: query.area === "national" || /^TN-\d{2}$/.test(query.area ?? "") ? query.area! : "",
    };
    const filtered = Object.values(values).some((v) => v !== "") || query.page !== undefined;
    const [structures, governorates] = await Promise.all([
      listConsultingStructures(app.db),
      listGovernorates(app.db),
    ]);
    let view: Parameters<typeof ConsultationListPage>[0]["view"];
    if (filtered) {
      const result = await listPublicConsultations(app.db, {
        ...values,
        status,
        page: requestedPage(query.page),
        pageSize: PAGE_SIZE,
      });
      view = { mode: "results", ...result };
    } else {
      view = { mode: "highlights", ...(await listHighlights(app.db, HIGHLIGHTS)) };
    }
    cacheable(reply);
    return reply.render(
      <ConsultationListPage
        values={values}
        view={view}
        structures={structures}
        governorates={governorates}
      />,
    );
  });

  app.get<{ Params: IdParams; Querystring: ListQuery }>(
    "/consultations/:id",
    { schema: { params: IdParams, querystring: PageQuery } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      if (c.visibility === "draft") reply.noStore();
      else cacheable(reply);
      return reply.render(await consultationPage(request, c, request.query));
    },
  );

  app.get<{ Params: Static<typeof SectionParams>; Querystring: ListQuery }>(
    "/consultations/:id/sections/:sectionId",
    { schema: { params: SectionParams, querystring: PageQuery } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      const page = await sectionPage(request, c, request.params.sectionId, request.query);
      if (!page) throw new NotFoundError();
      cacheable(reply);
      return reply.render(page);
    },
  );

  app.get<{ Params: Static<typeof CommentParams> }>(
    "/consultations/:id/comments/:commentId",
    { schema: { params: CommentParams } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      const page = await threadPage(request, c, request.params.commentId);
      if (!page) throw new NotFoundError();
      cacheable(reply);
      return reply.render(page);
    },
  );

  app.get<{ Params: IdParams }>(
    "/consultations/:id/synthesis",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      const page = await synthesisPage(request, c);
      if (!page) throw new NotFoundError();
      cacheable(reply);
      return reply.render(page);
    },
  );

  app.get<{ Params: Static<typeof DocumentParams> }>(
    "/consultations/:id/documents/:documentId",
    { schema: { params: DocumentParams } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      const doc = (await listDocuments(app.db, c.id)).find((d) => d.id === request.params.documentId);
      const data = doc ? await app.files.get(doc.fileKey) : null;
      if (!doc || !data) throw new NotFoundError();
      return reply
        .header("cache-control", c.visibility === "draft" ? "no-store" : "public, max-age=3600")
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", "attachment")
        .type(doc.mime)
        .send(data);
    },
  );

  app.get<{ Params: IdParams }>(
    "/consultations/:id/questionnaire",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      const questions = await listQuestions(app.db, c.id);
      if (questions.length === 0) throw new NotFoundError();
      reply.noStore();
      return reply.render(
        <QuestionnairePage c={c} questions={questions} view={await questionnaireView(request, c)} />,
      );
    },
  );

  /** Results once closed; else the form, a thank-you, or why the visitor cannot answer. */
  async function questionnaireView(
    request: Parameters<typeof loadPublic>[0],
    c: Awaited<ReturnType<typeof loadPublic>>,
  ): Promise<QuestionnaireView> {
    if (hasClosed(c)) {
      const results = await questionnaireResults(app.db, c.id);
      return { mode: "results", respondents: results.respondents, results: results.questions };
    }
    const refusal = participationRefusal(request.actor, c);
    if (refusal) return { mode: "refused", refusal };
    if (await hasResponded(app.db, c.id, request.account!.id)) return { mode: "answered" };
    return { mode: "form" };
  }
};
