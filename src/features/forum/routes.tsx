import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount, requirePlatformAdmin, requireStaff } from "../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../core/errors/app-error.js";
import { formSchema } from "../../core/forms.js";
import { requestedPage } from "../../core/paging.js";
import { UUID } from "../moderation/kinds.js";
import { presence } from "../moderation/policy.js";
import { type CategoryInput, saveCategory } from "./commands/categories.js";
import {
  manageThread,
  pinOfficialAnswer,
  replyToThread,
  setThreadFollow,
  startThread,
  THREAD_ACTIONS,
  type ThreadAction,
} from "./commands/posts.js";
import { canManageThreads, threadAbilities } from "./policy.js";
import { findCategory, findPost, findThread, listCategories, listPosts, listThreads } from "./queries.js";
import { CategoriesAdminPage } from "./views/admin-page.js";
import { CategoryPage, ForumPage, NewThreadPage } from "./views/forum-pages.js";
import { ThreadPage, type ThreadPageProps } from "./views/thread-page.js";

const SlugParams = Type.Object({
  lang: Type.String(),
  slug: Type.String({ maxLength: 40, pattern: "^[a-z0-9-]+$" }),
});
const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 40 }) });
const PageQuery = Type.Object({ page: Type.Optional(Type.String({ maxLength: 6, pattern: "^[0-9]*$" })) });
const ThreadQuery = Type.Object({ quote: Type.Optional(Type.String({ maxLength: 40 })) });
const CategoryBody = formSchema({
  slug: 100,
  name_ar: 200,
  name_fr: 200,
  name_en: 200,
  description_ar: 1000,
  description_fr: 1000,
  description_en: 1000,
  position: 10,
  archived: 1,
});

/** The dialogue forum: categories, threads, replies with quotes, official answers, staff tools. */
export const forumRoutes: FastifyPluginAsync = async (app) => {
  const submissions = { rateLimit: { max: app.config.SUBMISSION_RATE_LIMIT, timeWindow: 60_000 } };

  app.get("/forum", async (request, reply) =>
    reply.render(
      <ForumPage categories={await listCategories(app.db)} manage={request.actor.platformAdmin} />,
    ),
  );

  async function activeCategory(slug: string) {
    const category = await findCategory(app.db, { slug });
    if (!category || category.archivedAt) throw new NotFoundError();
    return category;
  }

  app.get(
    "/forum/:slug",
    { schema: { params: SlugParams, querystring: PageQuery } },
    async (request, reply) => {
      const category = await activeCategory((request.params as Static<typeof SlugParams>).slug);
      const { rows, total, page, totalPages } = await listThreads(
        app.db,
        category.id,
        requestedPage((request.query as Static<typeof PageQuery>).page),
      );
      return reply.render(
        <CategoryPage
          category={category}
          threads={rows}
          total={total}
          page={page}
          totalPages={totalPages}
          signedIn={request.account !== null}
        />,
      );
    },
  );

  app.get(
    "/forum/:slug/new",
    { schema: { params: SlugParams }, preHandler: requireAccount },
    async (request, reply) => {
      const category = await activeCategory((request.params as Static<typeof SlugParams>).slug);
      return reply.render(<NewThreadPage category={category} />);
    },
  );

  app.post(
    "/forum/:slug/threads",
    {
      schema: { params: SlugParams, body: formSchema({ title: 300, body: 20_000 }) },
      preHandler: requireAccount,
      config: submissions,
    },
    async (request, reply) => {
      const category = await activeCategory((request.params as Static<typeof SlugParams>).slug);
      const values = request.body as Record<string, string>;
      const result = await startThread(app.db, category.id, request.account!.id, values);
      if (!result.ok)
        return reply.render(
          <NewThreadPage category={category} values={values} errors={result.errors} />,
          422,
        );
      return reply.redirectWithFlash(`/forum/threads/${result.value.id}`, {
        kind: "success",
        message: result.value.held ? "forum.flash.held" : "forum.flash.published",
      });
    },
  );

  /** The thread the actor may see (held: its author and moderators), else 404. */
  async function loadThread(request: FastifyRequest) {
    const { id } = request.params as Static<typeof IdParams>;
    const detail = UUID.test(id) ? await findThread(app.db, id) : null;
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
    const [category, categories, { posts, following }] = await Promise.all([
      findCategory(app.db, { id: detail.thread.categoryId }),
      listCategories(app.db),
      listPosts(app.db, detail.thread.id, request.account?.id ?? null),
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
    async (request, reply) => render(request, reply),
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
      const post = UUID.test(id) ? await findPost(app.db, id) : null;
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

  // --- Platform admins: the categories.
  app.get("/admin/forum", { preHandler: requirePlatformAdmin }, async (_request, reply) =>
    reply
      .header("cache-control", "no-store")
      .render(<CategoriesAdminPage categories={await listCategories(app.db, { withArchived: true })} />),
  );

  for (const path of ["/admin/forum", "/admin/forum/:id"]) {
    app.post(
      path,
      { schema: { body: CategoryBody }, preHandler: requirePlatformAdmin },
      async (request, reply) => {
        const id = (request.params as { id?: string }).id ?? null;
        if (id !== null && (!UUID.test(id) || !(await findCategory(app.db, { id }))))
          throw new NotFoundError();
        const values = request.body as CategoryInput;
        const result = await saveCategory(app.db, id, values, request);
        if (!result.ok)
          return reply.render(
            <CategoriesAdminPage
              categories={await listCategories(app.db, { withArchived: true })}
              editing={id ?? "new"}
              values={values}
              errors={result.errors}
            />,
            422,
          );
        return reply.redirectWithFlash("/admin/forum", {
          kind: "success",
          message: "forum.flash.categorySaved",
        });
      },
    );
  }
};
