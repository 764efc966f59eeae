import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount, requireStaff } from "../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../core/errors/app-error.js";
import { renderPanels, renderRecordActions } from "../../core/features/registry.js";
import { formSchema } from "../../core/forms.js";
import { isUuid } from "../../core/ids.js";
import { submissionLimit } from "../../core/security/submission-limit.js";
import { presence } from "../moderation/policy.js";
import {
  manageThread,
  pinOfficialAnswer,
  replyToThread,
  setThreadFollow,
  THREAD_ACTIONS,
  type ThreadAction,
} from "./commands/posts.js";
import { canManageThreads, threadAbilities } from "./policy.js";
import { findCategory, findPost, findThread, listCategories, listPosts } from "./queries.js";
import { ThreadPage, type ThreadPageProps } from "./views/thread-page.js";

const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 40 }) });
const ThreadQuery = Type.Object({ quote: Type.Optional(Type.String({ maxLength: 40 })) });

/** A thread's page, and what people do there: reply, follow, and the staff's tools (manage, pin). */
export const threadRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);

  /** The thread the actor may see (held: its author and moderators), else 404. */
  async function loadThread(request: FastifyRequest) {
    const { id } = request.params as Static<typeof IdParams>;
    const detail = isUuid(id) ? await findThread(app.db, id) : null;
    if (!detail) throw new NotFoundError();
    const seen = presence(request.actor, {
      state: detail.thread.moderationState,
      authorId: detail.thread.authorId,
    });
    if (seen === "absent") throw new NotFoundError();
    return { detail, seen };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<ThreadPageProps> = {},
    status = 200,
  ) {
    const { detail, seen } = await loadThread(request);
    const [category, categories, { posts, following }, panels, actions] = await Promise.all([
      findCategory(app.db, { id: detail.thread.categoryId }),
      listCategories(app.db),
      listPosts(app.db, detail.thread.id, request.account?.id ?? null),
      seen === "tombstone" ? [] : renderPanels(app.features, "forum.thread", app.db, detail.thread.id),
      seen === "shown"
        ? renderRecordActions(app.features, "forum.thread", app.db, request.actor, detail.thread.id)
        : [],
    ]);
    const shown = posts.map((p) => ({
      ...p,
      presence: presence(request.actor, { state: p.state, authorId: p.authorId }),
    }));
    const quoteId = (request.query as Static<typeof ThreadQuery>).quote;
    const quote = shown.find((p) => p.id === quoteId && p.presence === "shown");
    return reply.render(
      <ThreadPage
        detail={detail}
        presence={seen}
        panels={panels}
        actions={actions}
        category={category!}
        categories={categories}
        posts={shown}
        following={following}
        abilities={threadAbilities(request.actor, detail.thread)}
        signedIn={request.account !== null}
        quote={quote}
        {...extra}
      />,
      status,
    );
  }

  app.get(
    "/forum/threads/:id",
    { schema: { params: IdParams, querystring: ThreadQuery } },
    async (request, reply) => render(request, reply.header("cache-control", "public, max-age=30")),
  );

  /** A visible thread, for actions on it. */
  async function visibleThread(request: FastifyRequest) {
    const { detail, seen } = await loadThread(request);
    if (seen !== "shown") throw new NotFoundError();
    return detail.thread;
  }

  app.post(
    "/forum/threads/:id/replies",
    {
      schema: { params: IdParams, body: formSchema({ body: 20_000, quote: 40, official: 1 }) },
      preHandler: requireAccount,
      config: submissions,
    },
    async (request, reply) => {
      const thread = await visibleThread(request);
      const abilities = threadAbilities(request.actor, thread);
      if (!abilities.reply) throw new ForbiddenError();
      const values = request.body as Record<string, string>;
      const result = await replyToThread(
        { db: app.db, publicUrl: app.config.publicUrl },
        thread,
        request.account!.id,
        values,
        abilities.answerOfficially,
      );
      if (!result.ok) return render(request, reply, { values, errors: result.errors }, 422);
      return reply.redirectWithFlash(`/forum/threads/${thread.id}#post-${result.value.id}`, {
        kind: "success",
        message: result.value.held ? "forum.flash.held" : "forum.flash.replied",
      });
    },
  );

  app.post(
    "/forum/threads/:id/follow",
    { schema: { params: IdParams, body: formSchema({ follow: 1 }) }, preHandler: requireAccount },
    async (request, reply) => {
      const thread = await visibleThread(request);
      const follow = (request.body as { follow?: string }).follow !== "0";
      await setThreadFollow(app.db, thread.id, request.account!.id, follow);
      return reply.redirectWithFlash(`/forum/threads/${thread.id}`, {
        kind: "success",
        message: follow ? "forum.flash.following" : "forum.flash.unfollowed",
      });
    },
  );

  const requireManager = async (request: FastifyRequest, reply: FastifyReply) => {
    await requireStaff(request, reply);
    if (reply.sent) return;
    if (!canManageThreads(request.actor)) throw new ForbiddenError();
  };

  app.post(
    "/forum/threads/:id/manage",
    {
      schema: { params: IdParams, body: formSchema({ action: 10, category: 40 }) },
      preHandler: requireManager,
    },
    async (request, reply) => {
      const { detail } = await loadThread(request);
      const { action, category } = request.body as { action?: string; category?: string };
      const target = action === "move" && category ? await findCategory(app.db, { slug: category }) : null;
      const done =
        (THREAD_ACTIONS as readonly string[]).includes(action ?? "") &&
        (action !== "move" || (target !== null && !target.archivedAt)) &&
        (await manageThread(app.db, detail.thread, action as ThreadAction, target?.id ?? null, request));
      if (!done)
        return reply.redirectWithFlash(`/forum/threads/${detail.thread.id}`, {
          kind: "info",
          message: "forum.flash.nothingDone",
        });
      return reply.redirectWithFlash(`/forum/threads/${detail.thread.id}`, {
        kind: "success",
        message: `forum.flash.${action}`,
      });
    },
  );

  app.post(
    "/forum/posts/:id/pin",
    { schema: { params: IdParams, body: formSchema({ pin: 1 }) }, preHandler: requireManager },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const post = isUuid(id) ? await findPost(app.db, id) : null;
      if (post?.moderationState !== "visible") throw new NotFoundError();
      const pin = (request.body as { pin?: string }).pin !== "0";
      const done = await pinOfficialAnswer(app.db, post, pin, request);
      return reply.redirectWithFlash(`/forum/threads/${post.threadId}#post-${post.id}`, {
        kind: done ? "success" : "info",
        message: done
          ? pin
            ? "forum.flash.answerPinned"
            : "forum.flash.answerUnpinned"
          : "forum.flash.nothingDone",
      });
    },
  );
};
