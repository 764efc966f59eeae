import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount } from "../../../core/auth/plugin.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { formSchema } from "../../../core/forms.js";
import { submissionLimit } from "../../../core/security/submission-limit.js";
import { addComment, type CommentInput, toggleSupport } from "../commands/comments.js";
import { setFollowing } from "../commands/follow.js";
import { type ResponseInput, submitResponse } from "../commands/respond.js";
import { findComment } from "../comment-queries.js";
import { paragraphPage } from "../drafting/render.js";
import type { ParticipationRefusal } from "../policy.js";
import { type ConsultationView, listQuestions } from "../queries.js";
import { QuestionnairePage } from "../views/questionnaire-page.js";
import { loadPublic, safeBack } from "./load.js";
import { IdParams } from "./public.js";
import { consultationPage, type FormState, sectionPage, threadPage } from "./render.js";

const CommentParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  commentId: Type.String({ maxLength: 100 }),
});
const CommentBody = formSchema({
  body: 20_000,
  alignment: 20,
  sectionId: 100,
  parentId: 100,
  paragraph: 10,
  lang: 5,
  start: 10,
  end: 10,
  quote: 25_000,
});
const SupportBody = formSchema({ back: 300 });
const FollowBody = formSchema({ follow: 5 });
/** A questionnaire: q-<id> fields, each a string or (multiple choice) a list of them. */
const ResponseBody = Type.Record(
  Type.String({ maxLength: 60 }),
  Type.Union([
    Type.String({ maxLength: 20_000 }),
    Type.Array(Type.String({ maxLength: 100 }), { maxItems: 30 }),
  ]),
  { maxProperties: 80 },
);

/** A refusal is about the moment or the person, not the form: 409 outside the open phase, 403 otherwise. */
const refusalStatus = (refusal: ParticipationRefusal) =>
  refusal === "notOpenYet" || refusal === "closed" ? 409 : 403;

/** Taking part: comments and replies, supports, following, and answering the questionnaire. */
export const participateRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);
  /** Shows the page the comment form was on again, with the refusal or the errors. */
  async function formPage(
    request: FastifyRequest,
    c: ConsultationView,
    input: CommentInput,
    state: FormState,
  ) {
    if (input.parentId) return threadPage(request, c, input.parentId, state);
    const paragraph = Number.parseInt(input.paragraph ?? "", 10);
    if (input.sectionId && Number.isInteger(paragraph) && paragraph >= 0)
      return (
        (await paragraphPage(request, c, input.sectionId, paragraph, {
          refusal: state.refusal,
          commentErrors: state.errors,
          values: state.values,
        })) ?? sectionPage(request, c, input.sectionId, {}, state)
      );
    if (input.sectionId) return sectionPage(request, c, input.sectionId, {}, state);
    return consultationPage(request, c, {}, state);
  }

  app.post<{ Params: IdParams; Body: Partial<Record<keyof CommentInput, string>> }>(
    "/consultations/:id/comments",
    { schema: { params: IdParams, body: CommentBody }, preHandler: requireAccount, config: submissions },
    async (request, reply) => {
      reply.noStore();
      const c = await loadPublic(request, request.params.id);
      const input = request.body as CommentInput;
      const result = await addComment(app.db, request.actor, c.id, input);
      if (!result.ok) {
        const state: FormState =
          "refusal" in result
            ? { refusal: result.refusal }
            : { errors: result.errors, values: request.body as Record<string, string> };
        const page = await formPage(request, c, input, state);
        if (!page) throw new NotFoundError();
        return reply.render(page, "refusal" in result ? refusalStatus(result.refusal) : 422);
      }
      const path = input.parentId
        ? `/consultations/${c.id}/comments/${result.value.rootId}`
        : input.sectionId && input.paragraph
          ? `/consultations/${c.id}/sections/${input.sectionId}/paragraphs/${Number.parseInt(input.paragraph, 10)}`
          : input.sectionId
            ? `/consultations/${c.id}/sections/${input.sectionId}`
            : `/consultations/${c.id}`;
      return reply.redirectWithFlash(`${path}#comment-${result.value.id}`, {
        kind: "success",
        message: result.value.held
          ? "consultations.flash.held"
          : input.parentId
            ? "consultations.flash.replied"
            : "consultations.flash.commented",
      });
    },
  );

  app.post<{ Params: Static<typeof CommentParams>; Body: { back?: string } }>(
    "/consultations/:id/comments/:commentId/support",
    { schema: { params: CommentParams, body: SupportBody }, preHandler: requireAccount, config: submissions },
    async (request, reply) => {
      reply.noStore();
      const c = await loadPublic(request, request.params.id);
      const comment = await findComment(app.db, c.id, request.params.commentId);
      if (!comment) throw new NotFoundError();
      const back = safeBack(request.body.back, c.id);
      const result = await toggleSupport(app.db, request.actor, c.id, comment.id);
      if (!result.ok) {
        if ("notFound" in result) throw new NotFoundError();
        const state = { refusal: result.refusal };
        const page = back.includes("/sections/")
          ? await sectionPage(request, c, back.split("/").pop()!, {}, state)
          : back.includes("/comments/")
            ? await threadPage(request, c, back.split("/").pop()!, state)
            : await consultationPage(request, c, {}, state);
        if (!page) throw new NotFoundError();
        return reply.render(page, refusalStatus(result.refusal));
      }
      return reply.redirectWithFlash(`${back}#comment-${comment.id}`, {
        kind: "success",
        message: result.value.supported ? "consultations.flash.supported" : "consultations.flash.unsupported",
      });
    },
  );

  app.post<{ Params: IdParams; Body: { follow?: string } }>(
    "/consultations/:id/follow",
    { schema: { params: IdParams, body: FollowBody }, preHandler: requireAccount },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      if (c.visibility !== "published") throw new NotFoundError();
      const follow = request.body.follow !== "no";
      await setFollowing(app.db, c.id, request.account!.id, follow);
      return reply.redirectWithFlash(`/consultations/${c.id}`, {
        kind: "success",
        message: follow ? "consultations.flash.following" : "consultations.flash.notFollowing",
      });
    },
  );

  app.post<{ Params: IdParams }>(
    "/consultations/:id/questionnaire",
    { schema: { params: IdParams, body: ResponseBody }, preHandler: requireAccount, config: submissions },
    async (request, reply) => {
      reply.noStore();
      const c = await loadPublic(request, request.params.id);
      const questions = await listQuestions(app.db, c.id);
      if (questions.length === 0) throw new NotFoundError();
      const input = request.body as ResponseInput;
      const result = await submitResponse(app.db, request.actor, c.id, input);
      if (result.ok)
        return reply.redirectWithFlash(`/consultations/${c.id}/questionnaire`, {
          kind: "success",
          message: "consultations.flash.answered",
        });
      if ("refusal" in result)
        return reply.render(
          <QuestionnairePage
            c={c}
            questions={questions}
            view={{ mode: "refused", refusal: result.refusal }}
            refusal={result.refusal}
          />,
          refusalStatus(result.refusal),
        );
      if ("alreadyAnswered" in result)
        return reply.render(
          <QuestionnairePage c={c} questions={questions} view={{ mode: "answered" }} />,
          409,
        );
      return reply.render(
        <QuestionnairePage
          c={c}
          questions={questions}
          view={{ mode: "form", values: input, errors: result.errors }}
        />,
        422,
      );
    },
  );
};
