import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../core/errors/app-error.js";
import type { FieldErrors, UploadedFile } from "../../../../core/forms.js";
import { readUpload } from "../../../../core/security/uploads.js";
import { ATTACHMENT_UPLOADS } from "../../attachments.js";
import { findCase } from "../../queries.js";
import { addNote } from "../commands/add-note.js";
import { assignCase } from "../commands/assign-case.js";
import { closeCase } from "../commands/close-case.js";
import { extendCase } from "../commands/extend-case.js";
import { markDuplicate } from "../commands/mark-duplicate.js";
import { replyToCase } from "../commands/reply-to-case.js";
import { requestInfo } from "../commands/request-info.js";
import { transferCase } from "../commands/transfer-case.js";
import type { canCase } from "../policy.js";
import { type CaseRow, findAttachment } from "../queries/case.js";
import {
  AssignBody,
  CasePageQuery,
  CaseParams,
  CloseBody,
  DuplicateBody,
  ExtendBody,
  FileParams,
  MessageBody,
  TransferBody,
} from "../schema.js";
import type { CaseActionName } from "../views/case-forms.js";
import { CasePage } from "../views/case-page.js";
import { casePageData, templatePrefill } from "./case-data.js";
import { loadCase, staffContext, staffGuard, staffNav } from "./load.js";
import { fromOf, fromSuffix, queuePlace } from "./queue-place.js";

type Params = { Params: CaseParams };

/** A request's page, its attachments, and one POST route per action. */
export const caseRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", staffGuard);

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    c: CaseRow,
    form: {
      action?: CaseActionName;
      values?: Record<string, string | undefined>;
      errors?: FieldErrors;
      templateId?: string;
    } = {},
  ) => {
    const [data, queue] = await Promise.all([
      casePageData(request, c),
      queuePlace(request, c, fromOf(request)),
    ]);
    const forms = { ...templatePrefill(data, form.templateId), ...form };
    return reply.render(
      <CasePage data={data} nav={staffNav(request)} forms={forms} queue={queue} />,
      form.errors ? 422 : 200,
    );
  };

  app.get<Params & { Querystring: CasePageQuery }>(
    "/staff/requests/:id",
    { schema: { params: CaseParams, querystring: CasePageQuery } },
    async (request, reply) =>
      page(request, reply, await loadCase(request, request.params.id), {
        templateId: request.query.template,
      }),
  );

  app.get<{ Params: FileParams }>(
    "/staff/requests/:id/files/:attachmentId",
    { schema: { params: FileParams } },
    async (request, reply) => {
      const c = await loadCase(request, request.params.id);
      const attachment = await findAttachment(app.db, c.id, request.params.attachmentId);
      const data = attachment ? await app.files.get(attachment.fileKey) : null;
      if (!attachment || !data) throw new NotFoundError();
      const extension =
        attachment.mime === "application/pdf" ? "pdf" : (attachment.mime.split("/")[1] ?? "bin");
      const disposition = attachment.mime.startsWith("image/") ? "inline" : "attachment";
      return reply
        .header("content-type", attachment.mime)
        .header(
          "content-disposition",
          `${disposition}; filename="${c.reference}-${attachment.id.slice(-8)}.${extension}"`,
        )
        .header("x-content-type-options", "nosniff")
        .noStore()
        .send(data);
    },
  );

  /** One action: check (404/403/409), run the command, then redirect, or show the page again with the errors. */
  const action =
    <B extends Record<string, string | undefined>>(
      name: CaseActionName,
      run: (
        request: FastifyRequest,
        c: CaseRow,
        body: B,
        files: UploadedFile[],
      ) => Promise<{ ok: true } | { ok: false; errors: FieldErrors }>,
      done: (c: CaseRow, request: FastifyRequest) => { path: string; message: string },
    ) =>
    async (request: FastifyRequest<{ Params: CaseParams; Body: B }>, reply: FastifyReply) => {
      const c = await loadCase(
        request,
        request.params.id,
        ACTION_ABILITY[name](request, (request.body ?? {}) as B),
      );
      // The form, read only now that the action is allowed (an upload form's files included).
      const { fields, files } = await readUpload(request);
      const body = fields as B;
      const result = await run(request, c, body, files);
      if (!result.ok) {
        const fresh = (await findCase(app.db, c.id)) ?? c;
        return page(request, reply, fresh, { action: name, values: body, errors: result.errors });
      }
      const next = done(c, request);
      return reply.redirectWithFlash(next.path, { kind: "success", message: next.message });
    };

  const back = (key: string) => (c: CaseRow, request: FastifyRequest) => ({
    path: `/staff/requests/${c.id}${fromSuffix(fromOf(request))}`,
    message: `cases.workspace.flash.${key}`,
  });

  app.post(
    "/staff/requests/:id/assign",
    { schema: { params: CaseParams, body: AssignBody } },
    action<AssignBody>("assign", (r, c, b) => assignCase(staffContext(r), c.id, b), back("assigned")),
  );
  // A reply may carry documents: a multipart form, read by the action once the reply is allowed.
  app.post(
    "/staff/requests/:id/reply",
    { schema: { params: CaseParams }, config: { upload: ATTACHMENT_UPLOADS } },
    action<MessageBody>(
      "reply",
      (r, c, b, files) =>
        replyToCase(staffContext(r), c.id, b, {
          files: app.files,
          uploads: files.filter((f) => f.field === "attachments"),
        }),
      back("replied"),
    ),
  );
  app.post(
    "/staff/requests/:id/ask",
    { schema: { params: CaseParams, body: MessageBody } },
    action<MessageBody>("ask", (r, c, b) => requestInfo(staffContext(r), c.id, b), back("asked")),
  );
  app.post(
    "/staff/requests/:id/note",
    { schema: { params: CaseParams, body: MessageBody } },
    action<MessageBody>("note", (r, c, b) => addNote(staffContext(r), c.id, b), back("noted")),
  );
  app.post(
    "/staff/requests/:id/transfer",
    { schema: { params: CaseParams, body: TransferBody } },
    action<TransferBody>(
      "transfer",
      (r, c, b) => transferCase(staffContext(r), c.id, b),
      (c) => ({
        path: `/staff/requests?structure=${c.structureId}`,
        message: "cases.workspace.flash.transferred",
      }),
    ),
  );
  app.post(
    "/staff/requests/:id/duplicate",
    { schema: { params: CaseParams, body: DuplicateBody } },
    action<DuplicateBody>("duplicate", (r, c, b) => markDuplicate(staffContext(r), c.id, b), back("merged")),
  );
  app.post(
    "/staff/requests/:id/close",
    { schema: { params: CaseParams, body: CloseBody } },
    action<CloseBody>("close", (r, c, b) => closeCase(staffContext(r), c.id, b), back("closed")),
  );
  app.post(
    "/staff/requests/:id/extend",
    { schema: { params: CaseParams, body: ExtendBody } },
    action<ExtendBody>("extend", (r, c, b) => extendCase(staffContext(r), c.id, b), back("extended")),
  );
};

/** The ability each action's route checks before running (the command checks again under lock). */
const ACTION_ABILITY: Record<
  CaseActionName,
  (request: FastifyRequest, body: Record<string, string | undefined>) => Parameters<typeof canCase>[1]
> = {
  assign: (_r, body) => (body.assignee === "me" ? "assignSelf" : "assignOthers"),
  reply: () => "reply",
  ask: () => "askInfo",
  note: () => "note",
  transfer: () => "transfer",
  duplicate: () => "markDuplicate",
  close: () => "close",
  extend: () => "extend",
};
