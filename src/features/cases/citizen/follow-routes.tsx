import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import { requireAccount } from "../../../core/auth/plugin.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { formSchema } from "../../../core/forms.js";
import { submissionLimit } from "../../../core/security/submission-limit.js";
import type { Db } from "../../../db/client.js";
import { reopenWindowDays } from "../../settings/queries.js";
import { answerQuestion, rateCase, reopenCase } from "../commands/citizen-actions.js";
import { followPinOf } from "../follow-code.js";
import {
  type CaseRow,
  findCase,
  findCaseByFollowToken,
  findStructureSummary,
  listAttachments,
  listPublicEvents,
} from "../queries.js";
import { findCaseByCodeGrant, followCodeRoutes } from "./follow-code-routes.js";
import { ReceiptPage } from "./views/follow-code-pages.js";
import { FollowPage, type FollowPageProps } from "./views/follow-page.js";

const TokenParams = Type.Object({ lang: Type.String(), token: Type.String({ maxLength: 100 }) });
export const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
const ReferenceParams = Type.Object({ lang: Type.String(), reference: Type.String({ maxLength: 40 }) });
const ReferenceFileParams = Type.Object({
  lang: Type.String(),
  reference: Type.String({ maxLength: 40 }),
  file: Type.String({ maxLength: 100 }),
});
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

/** Following a request: by its secret link (anyone holding it), by its follow code, or as its signed-in author. */
export const followRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);
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
    reply.noStore();
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

  /** The request this browser typed the follow code of, while the grant lasts; 404 for any other. */
  async function byCode(request: FastifyRequest) {
    const row = await findCaseByCodeGrant(app.db, request);
    if (!row) throw new NotFoundError();
    return { row, base: `/requests/by-code/${row.reference}` };
  }

  await app.register(followCodeRoutes);

  const pinOf = (row: CaseRow, token: string) => followPinOf(app.config.cookieSecret, row, token);

  app.get("/requests/follow/:token/receipt", { schema: { params: TokenParams } }, async (request, reply) => {
    const { row, base } = await byToken(request);
    const { token } = request.params as { token: string };
    const structure = await findStructureSummary(app.db, row.structureId);
    reply.noStore();
    reply.header("referrer-policy", "no-referrer");
    const site = `${app.config.publicUrl}/${request.locale}`;
    return reply.render(
      <ReceiptPage
        row={row}
        structureName={structure?.name ?? {}}
        reference={row.reference}
        pin={pinOf(row, token)}
        followUrl={`${site}${base}`}
        followCodeUrl={`${site}/requests/follow`}
        backHref={base}
      />,
    );
  });

  for (const [path, params, load, guard] of [
    ["/requests/follow/:token", TokenParams, byToken, undefined],
    ["/requests/by-code/:reference", ReferenceParams, byCode, undefined],
    ["/requests/:id", IdParams, byOwner, requireAccount],
  ] as const) {
    const preHandler = guard ? [guard] : [];
    app.get(path, { schema: { params }, preHandler }, async (request, reply) => {
      const { row, base } = await load(request);
      const submitted = (request.query as { submitted?: string }).submitted === "1";
      const token = submitted ? (request.params as { token?: string }).token : undefined;
      return render(reply, row, base, {
        justSubmitted: submitted,
        followUrl: token ? `${app.config.publicUrl}${request.url.split("?")[0]}` : undefined,
        pin: token ? pinOf(row, token) : null,
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
      {
        schema: {
          params: path.includes(":token")
            ? FileParams
            : path.includes(":reference")
              ? ReferenceFileParams
              : OwnFileParams,
        },
        preHandler,
      },
      async (request, reply) => {
        const { row } = await load(request);
        const file = (await listAttachments(app.db, row.id)).find(
          (a) => a.id === (request.params as { file: string }).file,
        );
        const data = file ? await app.files.get(file.fileKey) : null;
        if (!file || !data) throw new NotFoundError();
        return reply
          .noStore()
          .header("x-content-type-options", "nosniff")
          .header("content-disposition", file.mime === "application/pdf" ? "attachment" : "inline")
          .type(file.mime)
          .send(data);
      },
    );
  }
};
