import { randomBytes } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount } from "../../../core/auth/plugin.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { formSchema } from "../../../core/forms.js";
import { readUpload } from "../../../core/security/uploads.js";
import type { Db } from "../../../db/client.js";
import { reopenWindowDays } from "../../settings/queries.js";
import { listGovernorates } from "../../structures/queries.js";
import { answerQuestion, followCase, rateCase, reopenCase } from "../commands/citizen-actions.js";
import { type IntakeInput, submitCase } from "../commands/submit-case.js";
import {
  type CaseRow,
  findCase,
  findCaseByFollowToken,
  findSimilarOpenCases,
  findStructureByCode,
  findStructureSummary,
  listActiveCategories,
  listAttachments,
  listFollowedCases,
  listMyCases,
  listPublicEvents,
  searchStructures,
} from "../queries.js";
import { CASE_TYPES, type CaseType, LIMITS } from "../rules.js";
import { FollowPage, type FollowPageProps, MyRequestsPage } from "./views/follow-page.js";
import {
  ChooseStructurePage,
  ChooseTypePage,
  IntakeFormPage,
  type IntakeFormProps,
} from "./views/intake-pages.js";

const NewQuery = Type.Object({
  type: Type.Optional(Type.String({ maxLength: 20 })),
  structure: Type.Optional(Type.String({ maxLength: 80 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  about: Type.Optional(Type.String({ maxLength: 200 })),
});
const TokenParams = Type.Object({ lang: Type.String(), token: Type.String({ maxLength: 100 }) });
const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
const FileParams = Type.Object({
  lang: Type.String(),
  token: Type.String({ maxLength: 100 }),
  file: Type.String({ maxLength: 100 }),
});
const OwnFileParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  file: Type.String({ maxLength: 100 }),
});

/**
 * The intake cookie: a secret this browser holds, from which the follow-up link of what it files is
 * derived (submitCase), so a double submit gets its link back and a replayed form key does not.
 */
const INTAKE_COOKIE = "intake";
const INTAKE_SECRET = /^[A-Za-z0-9_-]{32}$/;
const intakeClient = (request: FastifyRequest): string | null => {
  const value = request.cookies[INTAKE_COOKIE];
  return value && INTAKE_SECRET.test(value) ? value : null;
};

const isCaseType = (v: string | undefined): v is CaseType =>
  (CASE_TYPES as readonly string[]).includes(v ?? "");
const noStore = (reply: FastifyReply) => reply.header("cache-control", "no-store");

/** The citizen's side of requests: the intake, the follow-up page, "my requests", and their actions. */
export const citizenCaseRoutes: FastifyPluginAsync = async (app) => {
  const submissions = { rateLimit: { max: app.config.SUBMISSION_RATE_LIMIT, timeWindow: 60_000 } };
  /** Gives the browser showing a form its intake secret (the one it holds, kept for another day). */
  function holdIntakeCookie(request: FastifyRequest, reply: FastifyReply) {
    reply.setCookie(INTAKE_COOKIE, intakeClient(request) ?? randomBytes(24).toString("base64url"), {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: app.config.isProduction,
      maxAge: 24 * 60 * 60,
    });
  }

  async function intakeProps(
    request: FastifyRequest,
    type: CaseType,
    structureCode: string,
    extra: Partial<IntakeFormProps> = {},
  ) {
    const structure =
      structureCode === "unknown" ? "unknown" : await findStructureByCode(app.db, structureCode);
    if (!structure) return null;
    const [categories, governorates] = await Promise.all([
      structure === "unknown" ? [] : listActiveCategories(app.db, structure.id),
      listGovernorates(app.db),
    ]);
    return {
      type,
      structure,
      categories,
      governorates,
      signedIn: Boolean(request.account),
      submissionKey: randomBytes(18).toString("base64url"),
      ...extra,
    } satisfies IntakeFormProps;
  }

  app.get("/requests/new", { schema: { querystring: NewQuery } }, async (request, reply) => {
    noStore(reply);
    const { type, structure, q, about } = request.query as Static<typeof NewQuery>;
    if (!isCaseType(type))
      return reply.render(<ChooseTypePage error={type !== undefined} />, type === undefined ? 200 : 422);
    if (!structure) {
      const results = await searchStructures(app.db, q ?? "");
      return reply.render(<ChooseStructurePage type={type} query={q ?? ""} results={results} />);
    }
    const props = await intakeProps(request, type, structure, { about });
    if (!props) {
      const results = await searchStructures(app.db, "");
      return reply.render(<ChooseStructurePage type={type} query="" results={results} error />, 422);
    }
    holdIntakeCookie(request, reply);
    const similar =
      about !== undefined && props.structure !== "unknown"
        ? await findSimilarOpenCases(app.db, props.structure.id, about)
        : undefined;
    return reply.render(<IntakeFormPage {...props} similar={similar} />);
  });

  const attachments = { maxFileSize: LIMITS.attachmentBytes, maxFiles: LIMITS.attachments };
  app.post("/requests", { config: { ...submissions, upload: attachments } }, async (request, reply) => {
    noStore(reply);
    const { fields, files } = await readUpload(request);
    const input = fields as IntakeInput;
    const result = await submitCase(
      {
        db: app.db,
        files: app.files,
        account: request.account,
        t: request.t,
        locale: request.locale,
        publicUrl: app.config.publicUrl,
        secret: app.config.cookieSecret,
        client: intakeClient(request),
      },
      input,
      files.filter((f) => f.field === "attachments"),
    );
    if (!result.ok) {
      const type = isCaseType(input.type) ? input.type : "complaint";
      const props = await intakeProps(request, type, input.structure || "unknown", {
        values: input,
        errors: result.errors,
      });
      if (!props) throw new NotFoundError();
      holdIntakeCookie(request, reply);
      // Keep the same one-time key, so a corrected resubmission still cannot create two requests.
      if (input.submissionKey) props.submissionKey = input.submissionKey;
      return reply.render(<IntakeFormPage {...props} />, 422);
    }
    return reply.redirect(`/${request.locale}/requests/follow/${result.value.followToken}?submitted=1`, 303);
  });

  // --- Following a request: by its secret link (anyone holding it), or as its signed-in author.

  async function render(
    reply: FastifyReply,
    row: CaseRow,
    base: string,
    extra: Partial<FollowPageProps> = {},
    status = 200,
  ) {
    const [structure, appealStructure, events, attachments, windowDays] = await Promise.all([
      findStructureSummary(app.db, row.structureId),
      row.appealStructureId ? findStructureSummary(app.db, row.appealStructureId) : null,
      listPublicEvents(app.db, row.id),
      listAttachments(app.db, row.id),
      reopenWindowDays(app.db),
    ]);
    noStore(reply);
    reply.header("referrer-policy", "no-referrer");
    return reply.render(
      <FollowPage
        row={row}
        structureName={structure?.name ?? {}}
        appealStructureName={appealStructure?.name ?? null}
        events={events}
        attachments={attachments}
        base={base}
        reopenWindowDays={windowDays}
        {...extra}
      />,
      status,
    );
  }

  async function byToken(request: FastifyRequest) {
    const row = await findCaseByFollowToken(app.db, (request.params as { token: string }).token);
    if (!row) throw new NotFoundError();
    return { row, base: `/requests/follow/${(request.params as { token: string }).token}` };
  }

  async function byOwner(request: FastifyRequest) {
    const row = await findCase(app.db, (request.params as { id: string }).id);
    // Someone else's request, or one that does not exist: the same answer.
    if (!row || !request.account || row.submitterId !== request.account.id) throw new NotFoundError();
    return { row, base: `/requests/${row.id}` };
  }

  for (const [path, params, load, guard] of [
    ["/requests/follow/:token", TokenParams, byToken, undefined],
    ["/requests/:id", IdParams, byOwner, requireAccount],
  ] as const) {
    const preHandler = guard ? [guard] : [];
    app.get(path, { schema: { params }, preHandler }, async (request, reply) => {
      const { row, base } = await load(request);
      const submitted = (request.query as { submitted?: string }).submitted === "1";
      return render(reply, row, base, {
        justSubmitted: submitted,
        followUrl:
          submitted && path.includes(":token")
            ? `${app.config.publicUrl}${request.url.split("?")[0]}`
            : undefined,
      });
    });

    const actions = {
      answer: {
        command: answerQuestion,
        body: formSchema({ answer: 20_000 }),
        flash: "cases.flash.answered",
      },
      rate: { command: rateCase, body: formSchema({ rating: 5, comment: 5000 }), flash: "cases.flash.rated" },
      reopen: {
        command: (db: Db, row: CaseRow, input: { reason?: string }, actorId: string | null) =>
          reopenCase(db, row, input, actorId, { publicUrl: app.config.publicUrl }),
        body: formSchema({ reason: 20_000 }),
        flash: "cases.flash.reopened",
      },
    } as const;
    for (const [name, action] of Object.entries(actions)) {
      app.post(
        `${path}/${name}`,
        { schema: { params, body: action.body }, preHandler, config: submissions },
        async (request, reply) => {
          const { row, base } = await load(request);
          const values = request.body as Record<string, string>;
          const result = await action.command(app.db, row, values, request.account?.id ?? null);
          if (!result.ok) {
            const extra =
              "refusal" in result ? { refusal: result.refusal } : { errors: result.errors, values };
            return render(reply, row, base, extra, 422);
          }
          return reply.redirectWithFlash(base, { kind: "success", message: action.flash });
        },
      );
    }

    app.get(
      `${path}/files/:file`,
      { schema: { params: path.includes(":token") ? FileParams : OwnFileParams }, preHandler },
      async (request, reply) => {
        const { row } = await load(request);
        const file = (await listAttachments(app.db, row.id)).find(
          (a) => a.id === (request.params as { file: string }).file,
        );
        const data = file ? await app.files.get(file.fileKey) : null;
        if (!file || !data) throw new NotFoundError();
        return reply
          .header("cache-control", "no-store")
          .header("x-content-type-options", "nosniff")
          .header("content-disposition", file.mime === "application/pdf" ? "attachment" : "inline")
          .type(file.mime)
          .send(data);
      },
    );
  }

  app.get("/requests", { preHandler: requireAccount }, async (request, reply) => {
    noStore(reply);
    const [list, followed] = await Promise.all([
      listMyCases(app.db, request.account!.id),
      listFollowedCases(app.db, request.account!.id),
    ]);
    return reply.render(<MyRequestsPage list={list} followed={followed} />);
  });

  app.post(
    "/requests/:id/follow",
    { schema: { params: IdParams }, preHandler: requireAccount },
    async (request, reply) => {
      const row = await findCase(app.db, (request.params as { id: string }).id);
      if (!row || !["notice", "suggestion"].includes(row.type)) throw new NotFoundError();
      await followCase(app.db, row.id, request.account!.id);
      return reply.redirectWithFlash("/requests", { kind: "success", message: "cases.flash.following" });
    },
  );
};
