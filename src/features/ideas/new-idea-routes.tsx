import { randomBytes } from "node:crypto";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount } from "../../core/auth/plugin.js";
import { submissionLimit } from "../../core/security/submission-limit.js";
import { readUpload } from "../../core/security/uploads.js";
import { listGovernorates } from "../structures/queries.js";
import { type IdeaInput, submitIdea } from "./commands/submit-idea.js";
import { findSimilarIdeas, listAddressableStructures, listThemes } from "./queries.js";
import { Code } from "./route-schemas.js";
import { LIMITS, SIMILAR_MIN_LENGTH, SIMILAR_PER_MINUTE } from "./rules.js";
import { NewIdeaPage } from "./views/list-pages.js";

const NewQuery = Type.Object({
  title: Type.Optional(Type.String({ maxLength: 300 })),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  structure: Code(80),
  theme: Code(80),
  area: Code(20),
  submissionKey: Type.Optional(Type.String({ maxLength: 100 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
const SimilarQuery = Type.Object({ title: Type.Optional(Type.String({ maxLength: 300 })) });
const SimilarAnswer = Type.Object({
  /** What the list says ("2 similar ideas already exist…"); empty when nothing was looked up. */
  message: Type.String(),
  ideas: Type.Array(Type.Object({ url: Type.String(), title: Type.String(), supports: Type.String() })),
});

/** Proposing an idea: the form, the similar ideas it shows while typing, and the submission. */
export const newIdeaRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);

  const formOptions = async () => {
    const [structures, themes, areas] = await Promise.all([
      listAddressableStructures(app.db),
      listThemes(app.db),
      listGovernorates(app.db),
    ]);
    return { structures, themes, areas };
  };

  app.get(
    "/ideas/new",
    { schema: { querystring: NewQuery }, preHandler: requireAccount, config: { funnel: "idea" } },
    async (request, reply) => {
      reply.noStore();
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
      reply.noStore();
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

  const withImage = {
    ...submissions,
    funnel: "idea",
    upload: { maxFileSize: LIMITS.imageBytes, maxFiles: 1 },
  };
  app.post("/ideas", { preHandler: requireAccount, config: withImage }, async (request, reply) => {
    reply.noStore();
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
};
