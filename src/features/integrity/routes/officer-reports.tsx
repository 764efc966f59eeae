import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import Type, { type Static } from "typebox";
import { structuresWithRole } from "../../../core/authz/actor.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { formSchema } from "../../../core/forms.js";
import { structures } from "../../../core/structures/tables.js";
import { awaitsApproval } from "../appointments.js";
import { addMessage } from "../commands/add-message.js";
import { setReportStatus } from "../commands/set-report-status.js";
import { centralUnitId } from "../officers.js";
import { listQueue } from "../queries.js";
import { officerKeyRing, shareReportKeys } from "../report-keys.js";
import {
  openAttachment,
  REPORT_STATUSES,
  type ReportRow,
  type ReportStatus,
  readReport,
  today,
} from "../reports.js";
import { QueuePage } from "../views/officer-queue-page.js";
import { OfficerReportPage } from "../views/officer-report-page.js";
import { keysOrRedirect, loadReport, recordReportAction } from "./officer-helpers.js";

const ReportParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 64 }) });
const FileParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 64 }),
  attachmentId: Type.String({ maxLength: 64 }),
});
const QueueQuery = Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })) });
const FileQuery = Type.Object({ original: Type.Optional(Type.String({ maxLength: 5 })) });
const MessageBody = formSchema({ message: 20_000 });
const StatusBody = formSchema({ status: 20 });

async function structureName(app: FastifyInstance, report: ReportRow) {
  if (!report.structureId) return null;
  const [s] = await app.db
    .select({ name: structures.name })
    .from(structures)
    .where(eq(structures.id, report.structureId));
  return s?.name ?? null;
}

/** The reports: the queue, one report opened, a reply, a status, an attachment's file. */
export function officerReportRoutes(app: FastifyInstance) {
  app.get<{ Querystring: Static<typeof QueueQuery> }>(
    "/integrity/officer",
    { schema: { querystring: QueueQuery } },
    async (request, reply) => {
      const keys = await keysOrRedirect(app, request, reply);
      if (!keys) return reply;
      const status = (REPORT_STATUSES as readonly string[]).includes(request.query.status ?? "")
        ? (request.query.status as ReportStatus)
        : undefined;
      const rows = await listQueue(
        app.db,
        structuresWithRole(request.actor, "integrity_officer"),
        await centralUnitId(app.db),
        status,
      );
      return reply.render(
        <QueuePage
          rows={rows.map((r) => ({ ...r, messages: r.messages === null ? null : Number(r.messages) }))}
          status={status}
          today={today()}
          awaitingApproval={await awaitsApproval(app.db, request.account!.id)}
        />,
      );
    },
  );

  app.get<{ Params: Static<typeof ReportParams> }>(
    "/integrity/officer/reports/:id",
    { schema: { params: ReportParams } },
    async (request, reply) => {
      const report = await loadReport(app, request, request.params.id, "read");
      const keys = await keysOrRedirect(app, request, reply);
      if (!keys) return reply;
      const ring = await officerKeyRing(app.db, report.id, request.account!.id, keys);
      // Officers who joined after the report came in get its keys from the first colleague who opens it.
      const shared = await shareReportKeys(app.db, report, ring);
      const view = await readReport(app.db, report, ring, { identity: true });
      await recordReportAction(
        app,
        request,
        "integrity.report.open",
        report,
        shared > 0 ? { sharedKeys: shared } : {},
      );
      return reply.render(<OfficerReportPage view={view} structureName={await structureName(app, report)} />);
    },
  );

  app.post<{ Params: Static<typeof ReportParams>; Body: Partial<Record<"message", string>> }>(
    "/integrity/officer/reports/:id/reply",
    { schema: { params: ReportParams, body: MessageBody } },
    async (request, reply) => {
      const report = await loadReport(app, request, request.params.id, "reply");
      const keys = await keysOrRedirect(app, request, reply);
      if (!keys) return reply;
      const result = await addMessage({ db: app.db, files: app.files }, report, "officer", request.body);
      if (!result.ok) {
        const ring = await officerKeyRing(app.db, report.id, request.account!.id, keys);
        const view = await readReport(app.db, report, ring, { identity: true });
        return reply.render(
          <OfficerReportPage
            view={view}
            structureName={await structureName(app, report)}
            errors={result.errors}
            values={request.body}
          />,
          422,
        );
      }
      if (report.status === "new") await setReportStatus(app.db, report, "under_review");
      await recordReportAction(app, request, "integrity.report.reply", report);
      return reply.redirectWithFlash(`/integrity/officer/reports/${report.id}`, {
        kind: "success",
        message: "integrity.officer.report.sent",
      });
    },
  );

  app.post<{ Params: Static<typeof ReportParams>; Body: Partial<Record<"status", string>> }>(
    "/integrity/officer/reports/:id/status",
    { schema: { params: ReportParams, body: StatusBody } },
    async (request, reply) => {
      const report = await loadReport(app, request, request.params.id, "setStatus");
      const status = request.body.status ?? "";
      if (await setReportStatus(app.db, report, status))
        await recordReportAction(app, request, "integrity.report.status", report, {
          from: report.status,
          to: status,
        });
      return reply.redirectWithFlash(`/integrity/officer/reports/${report.id}`, {
        kind: "success",
        message: "integrity.officer.report.statusSet",
      });
    },
  );

  app.get<{ Params: Static<typeof FileParams>; Querystring: Static<typeof FileQuery> }>(
    "/integrity/officer/reports/:id/files/:attachmentId",
    { schema: { params: FileParams, querystring: FileQuery } },
    async (request, reply) => {
      const report = await loadReport(app, request, request.params.id, "openFile");
      const keys = await keysOrRedirect(app, request, reply);
      if (!keys) return reply;
      const ring = await officerKeyRing(app.db, report.id, request.account!.id, keys);
      const which = request.query.original ? "original" : "clean";
      const file = /^[0-9a-f-]{36}$/.test(request.params.attachmentId)
        ? await openAttachment(app.db, app.files, report, ring, request.params.attachmentId, which)
        : null;
      if (!file) throw new NotFoundError();
      await recordReportAction(app, request, "integrity.attachment.open", report, {
        attachmentId: request.params.attachmentId,
        which,
      });
      const inline = which === "clean" && file.meta.kind === "image";
      return reply
        .header("content-type", which === "original" ? "application/octet-stream" : file.meta.mime)
        .header(
          "content-disposition",
          `${inline ? "inline" : "attachment"}; filename="evidence-${request.params.attachmentId.slice(0, 8)}${which === "original" ? `-original.${file.meta.originalExtension ?? file.meta.extension}` : `.${file.meta.extension}`}"`,
        )
        .header("x-content-type-options", "nosniff")
        .send(file.data);
    },
  );
}
