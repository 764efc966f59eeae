import { randomBytes } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount } from "../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../core/errors/app-error.js";
import { formSchema } from "../../core/forms.js";
import { requestedPage } from "../../core/paging.js";
import { readUpload } from "../../core/security/uploads.js";
import { UUID } from "../moderation/kinds.js";
import { presence } from "../moderation/policy.js";
import { listGovernorates } from "../structures/queries.js";
import { commentIdea, setFollow, setIdeaStatus, setSupport, thresholdFor } from "./commands/idea-actions.js";
import { type IdeaInput, submitIdea } from "./commands/submit-idea.js";
import {
  findIdea,
  findSimilarIdeas,
  type IdeaDetail,
  listAddressableStructures,
  listIdeas,
  listStructuresWithIdeas,
  listThemes,
  loadIdeaPage,
} from "./queries.js";
import {
  canAnswerIdea,
  IDEA_STATUSES,
  type IdeaSort,
  type IdeaStatus,
  LIMITS,
  SIMILAR_MIN_LENGTH,
  SIMILAR_PER_MINUTE,
  SORTS,
} from "./rules.js";
import { IdeaPage, type IdeaPageProps } from "./views/idea-page.js";
import { IdeasPage, NewIdeaPage } from "./views/list-pages.js";

/** A code from a list (structure, theme, area, status, sort): anything else is a malformed request. */
const Code = (maxLength: number) => Type.Optional(Type.String({ maxLength, pattern: "^[A-Za-z0-9_-]*$" }));
const ListQuery = Type.Object({
  sort: Code(20),
  structure: Code(80),
  theme: Code(80),
  area: Code(20),
  status: Code(20),
  page: Type.Optional(Type.String({ maxLength: 6 })),
});
const NewQuery = Type.Object({
  title: Type.Optional(Type.String({ maxLength: 300 })),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  structure: Code(80),
  theme: Code(80),
  area: Code(20),
  submissionKey: Type.Optional(Type.String({ maxLength: 100 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 40 }) });
const SimilarQuery = Type.Object({ title: Type.Optional(Type.String({ maxLength: 300 })) });
const SimilarAnswer = Type.Object({
  /** What the list says ("2 similar ideas already exist…"); empty when nothing was looked up. */
  message: Type.String(),
  ideas: Type.Array(Type.Object({ url: Type.String(), title: Type.String(), supports: Type.String() })),
});

/** The idea box: the list, the form (with similar ideas), each idea's page and its actions. */
export const ideaRoutes: FastifyPluginAsync = async (app) => {
  const submissions = { rateLimit: { max: app.config.SUBMISSION_RATE_LIMIT, timeWindow: 60_000 } };

  const formOptions = async () => {
    const [structures, themes, areas] = await Promise.all([
      listAddressableStructures(app.db),
      listThemes(app.db),
      listGovernorates(app.db),
    ]);
    return { structures, themes, areas };
  };

  app.get("/ideas", { schema: { querystring: ListQuery } }, async (request, reply) => {
    const q = request.query as Static<typeof ListQuery>;
    const sort = (SORTS as readonly string[]).includes(q.sort ?? "") ? (q.sort as IdeaSort) : "supported";
    const status = (IDEA_STATUSES as readonly string[]).includes(q.status ?? "")
      ? (q.status as IdeaStatus)
      : undefined;
    const filters = {
      sort,
      status,
      structure: q.structure || undefined,
      theme: q.theme || undefined,
      area: q.area || undefined,
      page: requestedPage(q.page),
    };
    const { rows, total, page, totalPages } = await listIdeas(app.db, filters);
    const [structures, themes, areas] = await Promise.all([
      listStructuresWithIdeas(app.db),
      listThemes(app.db),
      listGovernorates(app.db),
    ]);
    return reply.render(
      <IdeasPage
        rows={rows}
        total={total}
        filters={{ ...filters, page }}
        totalPages={totalPages}
        options={{ structures, themes, areas }}
      />,
    );
  });

  app.get(
    "/ideas/new",
    { schema: { querystring: NewQuery }, preHandler: requireAccount },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const values = request.query as Static<typeof NewQuery>;
      const similar = values.title !== undefined ? await findSimilarIdeas(app.db, values.title) : undefined;
      const submissionKey =
        values.submissionKey && /^[A-Za-z0-9_-]{16,64}$/.test(values.submissionKey)
          ? values.submissionKey
          : randomBytes(18).toString("base64url");
      return reply.render(
        <NewIdeaPage
          values={values}
          similar={similar}
          options={await formOptions()}
          submissionKey={submissionKey}
        />,
      );
    },
  );

  /**
   * Similar ideas while the title is typed (sharek.js, progressive enhancement of the form's "look
   * for similar ideas" button): the same lookup, as JSON, in the page's language. Public, like the
   * ideas it lists, and rate limited per address.
   */
  app.get(
    "/ideas/similar",
    {
      schema: { querystring: SimilarQuery, response: { 200: SimilarAnswer } },
      config: {
        rateLimit: {
          max: SIMILAR_PER_MINUTE,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) => `ideas-similar:${request.ip}`,
        },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const title = (request.query as Static<typeof SimilarQuery>).title?.trim() ?? "";
      if ([...title].length < SIMILAR_MIN_LENGTH) return { message: "", ideas: [] };
      const similar = await findSimilarIdeas(app.db, title);
      const { t, locale } = request;
      return {
        message: t("ideas.new.similar", { count: similar.length }),
        ideas: similar.map((s) => ({
          url: `/${locale}/ideas/${s.id}`,
          title: s.title,
          supports: t("ideas.supports.count", { count: s.supportCount }),
        })),
      };
    },
  );

  const withImage = { ...submissions, upload: { maxFileSize: LIMITS.imageBytes, maxFiles: 1 } };
  app.post("/ideas", { preHandler: requireAccount, config: withImage }, async (request, reply) => {
    reply.header("cache-control", "no-store");
    const { fields, files } = await readUpload(request);
    const input = fields as IdeaInput;
    const result = await submitIdea(
      { db: app.db, files: app.files },
      request.account!.id,
      input,
      files.filter((f) => f.field === "image"),
    );
    if (!result.ok)
      return reply.render(
        <NewIdeaPage
          values={input}
          errors={result.errors}
          options={await formOptions()}
          submissionKey={
            input.submissionKey && /^[A-Za-z0-9_-]{16,64}$/.test(input.submissionKey)
              ? input.submissionKey
              : randomBytes(18).toString("base64url")
          }
        />,
        422,
      );
    return reply.redirectWithFlash(`/ideas/${result.value.id}`, {
      kind: "success",
      message: result.value.held ? "ideas.flash.held" : "ideas.flash.submitted",
    });
  });

  /** Loads the idea the actor may see (held ideas: their author and moderators), else 404. */
  async function load(
    request: FastifyRequest,
  ): Promise<{ detail: IdeaDetail; seen: ReturnType<typeof presence> }> {
    const { id } = request.params as Static<typeof IdParams>;
    const detail = UUID.test(id) ? await findIdea(app.db, id) : null;
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
    const [page, threshold] = await Promise.all([
      loadIdeaPage(app.db, detail.idea.id, viewerId),
      thresholdFor(app.db, detail.idea.structureId),
    ]);
    return reply.render(
      <IdeaPage
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

  app.get("/ideas/:id", { schema: { params: IdParams } }, async (request, reply) => render(request, reply));

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
