import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount } from "../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../core/errors/app-error.js";
import { renderPanels, renderRecordActions } from "../../core/features/registry.js";
import { formSchema } from "../../core/forms.js";
import { isUuid } from "../../core/ids.js";
import { submissionLimit } from "../../core/security/submission-limit.js";
import { presence } from "../moderation/policy.js";
import { commentIdea, setFollow, setIdeaStatus, setSupport, thresholdFor } from "./commands/idea-actions.js";
import { findIdea, type IdeaDetail, loadIdeaPage } from "./queries.js";
import { canAnswerIdea } from "./rules.js";
import { IdeaPage, type IdeaPageProps } from "./views/idea-page.js";

const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 40 }) });

/** Each idea's page and image, and what people do there: support, follow, comment, answer. */
export const ideaPageRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);

  /** Loads the idea the actor may see (held ideas: their author and moderators), else 404. */
  async function load(
    request: FastifyRequest,
  ): Promise<{ detail: IdeaDetail; seen: ReturnType<typeof presence> }> {
    const { id } = request.params as Static<typeof IdParams>;
    const detail = isUuid(id) ? await findIdea(app.db, id) : null;
    if (!detail) throw new NotFoundError();
    const seen = presence(request.actor, {
      state: detail.idea.moderationState,
      authorId: detail.idea.authorId,
    });
    if (seen === "absent") throw new NotFoundError();
    return { detail, seen };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<IdeaPageProps> = {},
    status = 200,
  ) {
    const { detail, seen } = await load(request);
    const viewerId = request.account?.id ?? null;
    const [page, threshold, panels, actions] = await Promise.all([
      loadIdeaPage(app.db, detail.idea.id, viewerId),
      thresholdFor(app.db, detail.idea.structureId),
      seen === "tombstone" ? [] : renderPanels(app.features, "idea", app.db, detail.idea.id),
      seen === "shown"
        ? renderRecordActions(app.features, "idea", app.db, request.actor, detail.idea.id)
        : [],
    ]);
    return reply.render(
      <IdeaPage
        panels={panels}
        actions={actions}
        detail={detail}
        presence={seen}
        events={page.events}
        comments={page.comments.map((c) => ({
          ...c,
          presence: presence(request.actor, { state: c.state, authorId: c.authorId }),
        }))}
        threshold={threshold}
        viewer={{
          signedIn: viewerId !== null,
          supported: page.supported,
          following: page.following,
          canAnswer: seen === "shown" && canAnswerIdea(request.actor, detail.idea),
          own: viewerId !== null && viewerId === detail.idea.authorId,
        }}
        {...extra}
      />,
      status,
    );
  }

  app.get("/ideas/:id", { schema: { params: IdParams } }, async (request, reply) =>
    render(request, reply.header("cache-control", "public, max-age=30")),
  );

  app.get("/ideas/:id/image", { schema: { params: IdParams } }, async (request, reply) => {
    const { detail, seen } = await load(request);
    const data =
      seen !== "tombstone" && detail.idea.imageKey ? await app.files.get(detail.idea.imageKey) : null;
    if (!data) throw new NotFoundError();
    return reply.header("x-content-type-options", "nosniff").type(detail.idea.imageMime!).send(data);
  });

  /** An action on a visible idea by a signed-in person. */
  async function visible(request: FastifyRequest) {
    const { detail, seen } = await load(request);
    if (seen !== "shown") throw new NotFoundError();
    return detail.idea;
  }

  app.post(
    "/ideas/:id/support",
    { schema: { params: IdParams, body: formSchema({ support: 1 }) }, preHandler: requireAccount },
    async (request, reply) => {
      const idea = await visible(request);
      if (idea.authorId === request.account!.id) throw new ForbiddenError();
      const support = (request.body as { support?: string }).support !== "0";
      await setSupport(app.db, idea, request.account!.id, support);
      return reply.redirectWithFlash(`/ideas/${idea.id}`, {
        kind: "success",
        message: support ? "ideas.flash.supported" : "ideas.flash.withdrawn",
      });
    },
  );

  app.post(
    "/ideas/:id/follow",
    { schema: { params: IdParams, body: formSchema({ follow: 1 }) }, preHandler: requireAccount },
    async (request, reply) => {
      const idea = await visible(request);
      const follow = (request.body as { follow?: string }).follow !== "0";
      await setFollow(app.db, idea.id, request.account!.id, follow);
      return reply.redirectWithFlash(`/ideas/${idea.id}`, {
        kind: "success",
        message: follow ? "ideas.flash.following" : "ideas.flash.unfollowed",
      });
    },
  );

  app.post(
    "/ideas/:id/comments",
    {
      schema: { params: IdParams, body: formSchema({ body: 10_000 }) },
      preHandler: requireAccount,
      config: submissions,
    },
    async (request, reply) => {
      const idea = await visible(request);
      const body = (request.body as { body?: string }).body;
      const result = await commentIdea(app.db, idea.id, request.account!.id, { body });
      if (!result.ok)
        return render(request, reply, { commentErrors: result.errors, commentValue: body }, 422);
      return reply.redirectWithFlash(`/ideas/${idea.id}#comment-${result.value.id}`, {
        kind: "success",
        message: result.value.held ? "ideas.flash.commentHeld" : "ideas.flash.commented",
      });
    },
  );

  app.post(
    "/ideas/:id/status",
    {
      schema: { params: IdParams, body: formSchema({ status: 20, body: 10_000 }) },
      preHandler: requireAccount,
    },
    async (request, reply) => {
      const idea = await visible(request);
      if (!canAnswerIdea(request.actor, idea)) throw new ForbiddenError();
      const values = request.body as Record<string, string>;
      const result = await setIdeaStatus(app.db, idea, values, request.account!.id, request);
      if (!result.ok)
        return render(request, reply, { statusErrors: result.errors, statusValues: values }, 422);
      return reply.redirectWithFlash(`/ideas/${idea.id}`, { kind: "success", message: "ideas.flash.status" });
    },
  );
};
