import { eq } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { audit } from "../../../core/audit/record.js";
import { requireStaff } from "../../../core/auth/plugin.js";
import { sha256 } from "../../../core/auth/secrets.js";
import { SESSION_COOKIE } from "../../../core/auth/sessions.js";
import { recordSignInFailure, signInWait } from "../../../core/auth/throttle.js";
import { structuresWithRole } from "../../../core/authz/actor.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import { type FieldErrors, fieldError, formSchema } from "../../../core/forms.js";
import { structures } from "../../structures/tables.js";
import {
  approveAppointment,
  awaitsApproval,
  pendingColleagues,
  settleAppointments,
} from "../appointments.js";
import {
  centralUnitId,
  endKeySession,
  enrolOfficerKeys,
  findOfficerKeys,
  KEY_COOKIE,
  openOfficerKeys,
  setKeyCookie,
  startKeySession,
  unlockedKeys,
} from "../officers.js";
import { canIntegrity, type IntegrityAction } from "../policy.js";
import { countReports, findReport, listQueue } from "../queries.js";
import { officerKeyRing, shareReportKeys, shareStructureReportKeys } from "../report-keys.js";
import {
  addMessage,
  openAttachment,
  REPORT_STATUSES,
  type ReportRow,
  type ReportStatus,
  readReport,
  setReportStatus,
  today,
} from "../reports.js";
import {
  ColleaguesPage,
  CountsPage,
  EnrolKeysPage,
  OfficerReportPage,
  QueuePage,
  RecoveryKeyPage,
  type UnlockField,
  UnlockPage,
} from "../views/officer-pages.js";

const ReportParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 64 }) });
const AppointmentParams = Type.Object({ lang: Type.String(), membershipId: Type.String({ format: "uuid" }) });
const FileParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 64 }),
  attachmentId: Type.String({ maxLength: 64 }),
});
const QueueQuery = Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })) });
const FileQuery = Type.Object({ original: Type.Optional(Type.String({ maxLength: 5 })) });
const UnlockQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 300 })) });
const PasswordBody = formSchema({ password: 300, recoveryKey: 100, next: 300 });
const MessageBody = formSchema({ message: 20_000 });
const StatusBody = formSchema({ status: 20 });

/** A safe place to go back to after unlocking: one of the officers' own pages. */
function safeNext(locale: string, next: string | undefined): string {
  const prefix = `/${locale}/integrity/officer`;
  return next?.startsWith(prefix) && !next.includes("//") ? next : prefix;
}

/** The officers' side: TOTP-guarded, every action audited (never with content). */
export const officerRoutes: FastifyPluginAsync = async (app) => {
  const sessionId = (request: FastifyRequest) => sha256(request.cookies[SESSION_COOKIE] ?? "");

  /** Staff guard (sign-in, TOTP), then integrity officers only. */
  async function officerGuard(request: FastifyRequest, reply: FastifyReply) {
    await requireStaff(request, reply);
    if (reply.sent) return;
    if (!canIntegrity(request.actor, "work")) throw new ForbiddenError();
    await settleAppointments(app.db, request.account!.id, { publicUrl: app.config.publicUrl, request });
  }

  /** The officer's keys for this request, or a redirect to make or unlock them. */
  async function keysOrRedirect(request: FastifyRequest, reply: FastifyReply) {
    const keys = await unlockedKeys(request);
    if (keys) return keys;
    const enrolled = await findOfficerKeys(app.db, request.account!.id);
    if (!enrolled) reply.redirect(`/${request.locale}/integrity/officer/keys`, 303);
    else
      reply.redirect(
        `/${request.locale}/integrity/officer/unlock?next=${encodeURIComponent(request.url)}`,
        303,
      );
    return null;
  }

  /** Loads a report and checks it twice: not addressed to the officer → 404, as if it did not exist. */
  async function loadReport(
    request: FastifyRequest,
    id: string,
    action: IntegrityAction,
  ): Promise<ReportRow> {
    const report = await findReport(app.db, id);
    if (!report || !canIntegrity(request.actor, action, report, await centralUnitId(app.db)))
      throw new NotFoundError();
    return report;
  }

  const record = (
    request: FastifyRequest,
    action: string,
    report: ReportRow,
    details: Record<string, unknown> = {},
  ) =>
    audit(
      app.db,
      {
        action,
        subjectType: "integrity_report",
        subjectId: report.id,
        structureId: report.structureId,
        details,
      },
      request,
    );

  await app.register(async (officer) => {
    officer.addHook("preHandler", officerGuard);

    officer.get<{ Querystring: Static<typeof QueueQuery> }>(
      "/integrity/officer",
      { schema: { querystring: QueueQuery } },
      async (request, reply) => {
        const keys = await keysOrRedirect(request, reply);
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

    officer.get("/integrity/officer/colleagues", async (request, reply) => {
      const accountId = request.account!.id;
      return reply.render(
        <ColleaguesPage
          pending={await pendingColleagues(app.db, accountId)}
          awaitingApproval={await awaitsApproval(app.db, accountId)}
        />,
      );
    });

    // Approving needs the approver's opened keys: the reports' keys they hold are sealed to the
    // new colleague at once (or, if the colleague has no keys yet, when a colleague next opens each report).
    officer.post<{ Params: Static<typeof AppointmentParams> }>(
      "/integrity/officer/colleagues/:membershipId/approve",
      { schema: { params: AppointmentParams } },
      async (request, reply) => {
        const keys = await keysOrRedirect(request, reply);
        if (!keys) return reply;
        const approver = request.account!.id;
        const approved = await approveAppointment(app.db, request.params.membershipId, approver);
        if (!approved) throw new NotFoundError();
        const shared = await shareStructureReportKeys(app.db, approved.structureId, approver, keys);
        await audit(
          app.db,
          {
            action: "integrity.officer.approve",
            subjectType: "membership",
            subjectId: request.params.membershipId,
            structureId: approved.structureId,
            details: { accountId: approved.accountId, sharedKeys: shared },
          },
          request,
        );
        return reply.redirectWithFlash("/integrity/officer/colleagues", {
          kind: "success",
          message: "integrity.officer.colleagues.approved",
        });
      },
    );

    officer.get("/integrity/officer/keys", async (request, reply) => {
      if (await findOfficerKeys(app.db, request.account!.id))
        return reply.redirect(`/${request.locale}/integrity/officer/unlock`, 303);
      return reply.render(<EnrolKeysPage />);
    });

    officer.post<{ Body: Partial<Record<"password" | "recoveryKey" | "next", string>> }>(
      "/integrity/officer/keys",
      { schema: { body: PasswordBody } },
      async (request, reply) => {
        const account = request.account!;
        if (await signInWait(app.db, account.email ?? account.id))
          return reply.render(<EnrolKeysPage error="integrity.errors.wait" />, 429);
        const result = await enrolOfficerKeys(app.db, account, request.body.password ?? "");
        if (!result.ok) {
          if (result.problem === "exists")
            return reply.redirect(`/${request.locale}/integrity/officer/unlock`, 303);
          await recordSignInFailure(app.db, account.email ?? account.id);
          return reply.render(<EnrolKeysPage error="integrity.errors.password" />, 422);
        }
        setKeyCookie(
          request,
          reply,
          await startKeySession(app.db, sessionId(request), account.id, result.keys),
        );
        await audit(
          app.db,
          { action: "integrity.keys.enrol", subjectType: "account", subjectId: account.id },
          request,
        );
        return reply.render(<RecoveryKeyPage recoveryKey={result.recoveryKey} />);
      },
    );

    officer.get<{ Querystring: Static<typeof UnlockQuery> }>(
      "/integrity/officer/unlock",
      { schema: { querystring: UnlockQuery } },
      async (request, reply) => {
        if (!(await findOfficerKeys(app.db, request.account!.id)))
          return reply.redirect(`/${request.locale}/integrity/officer/keys`, 303);
        const unlocked = Boolean(await unlockedKeys(request));
        return reply.render(<UnlockPage next={request.query.next} unlocked={unlocked} />);
      },
    );

    officer.post<{ Body: Partial<Record<"password" | "recoveryKey" | "next", string>> }>(
      "/integrity/officer/unlock",
      { schema: { body: PasswordBody } },
      async (request, reply) => {
        const account = request.account!;
        const throttleKey = account.email ?? account.id;
        const next = request.body.next;
        if (await signInWait(app.db, throttleKey))
          return reply.render(
            <UnlockPage next={next} errors={{ password: fieldError("integrity.errors.wait") }} />,
            429,
          );
        const result = await openOfficerKeys(app.db, account, {
          password: request.body.password ?? "",
          recoveryKey: request.body.recoveryKey,
        });
        if (!result.ok) {
          if (result.problem === "noKeys")
            return reply.redirect(`/${request.locale}/integrity/officer/keys`, 303);
          const errors: FieldErrors<UnlockField> =
            result.problem === "password"
              ? { password: fieldError("integrity.errors.password") }
              : result.problem === "recovery"
                ? { recoveryKey: fieldError("integrity.errors.recoveryWrong") }
                : { recoveryKey: fieldError("integrity.errors.needsRecovery") };
          if (result.problem !== "needsRecovery") await recordSignInFailure(app.db, throttleKey);
          return reply.render(
            <UnlockPage next={next} errors={errors} needsRecovery={result.problem !== "password"} />,
            422,
          );
        }
        setKeyCookie(
          request,
          reply,
          await startKeySession(app.db, sessionId(request), account.id, result.keys),
        );
        await audit(
          app.db,
          {
            action: request.body.recoveryKey ? "integrity.keys.recover" : "integrity.keys.unlock",
            subjectType: "account",
            subjectId: account.id,
          },
          request,
        );
        return reply.redirect(safeNext(request.locale, next), 303);
      },
    );

    officer.post("/integrity/officer/lock", async (request, reply) => {
      await endKeySession(app.db, sessionId(request));
      reply.clearCookie(KEY_COOKIE, { path: "/" });
      return reply.redirect(`/${request.locale}/integrity/officer/unlock`, 303);
    });

    officer.get<{ Params: Static<typeof ReportParams> }>(
      "/integrity/officer/reports/:id",
      { schema: { params: ReportParams } },
      async (request, reply) => {
        const report = await loadReport(request, request.params.id, "read");
        const keys = await keysOrRedirect(request, reply);
        if (!keys) return reply;
        const ring = await officerKeyRing(app.db, report.id, request.account!.id, keys);
        // Officers who joined after the report came in get its keys from the first colleague who opens it.
        const shared = await shareReportKeys(app.db, report, ring);
        const view = await readReport(app.db, report, ring, { identity: true });
        await record(request, "integrity.report.open", report, shared > 0 ? { sharedKeys: shared } : {});
        return reply.render(<OfficerReportPage view={view} structureName={await structureName(report)} />);
      },
    );

    async function structureName(report: ReportRow) {
      if (!report.structureId) return null;
      const [s] = await app.db
        .select({ name: structures.name })
        .from(structures)
        .where(eq(structures.id, report.structureId));
      return s?.name ?? null;
    }

    officer.post<{ Params: Static<typeof ReportParams>; Body: Partial<Record<"message", string>> }>(
      "/integrity/officer/reports/:id/reply",
      { schema: { params: ReportParams, body: MessageBody } },
      async (request, reply) => {
        const report = await loadReport(request, request.params.id, "reply");
        const keys = await keysOrRedirect(request, reply);
        if (!keys) return reply;
        const result = await addMessage({ db: app.db, files: app.files }, report, "officer", request.body);
        if (!result.ok) {
          const ring = await officerKeyRing(app.db, report.id, request.account!.id, keys);
          const view = await readReport(app.db, report, ring, { identity: true });
          return reply.render(
            <OfficerReportPage
              view={view}
              structureName={await structureName(report)}
              errors={result.errors}
              values={request.body}
            />,
            422,
          );
        }
        if (report.status === "new") await setReportStatus(app.db, report, "under_review");
        await record(request, "integrity.report.reply", report);
        return reply.redirectWithFlash(`/integrity/officer/reports/${report.id}`, {
          kind: "success",
          message: "integrity.officer.report.sent",
        });
      },
    );

    officer.post<{ Params: Static<typeof ReportParams>; Body: Partial<Record<"status", string>> }>(
      "/integrity/officer/reports/:id/status",
      { schema: { params: ReportParams, body: StatusBody } },
      async (request, reply) => {
        const report = await loadReport(request, request.params.id, "setStatus");
        const status = request.body.status ?? "";
        if (await setReportStatus(app.db, report, status))
          await record(request, "integrity.report.status", report, { from: report.status, to: status });
        return reply.redirectWithFlash(`/integrity/officer/reports/${report.id}`, {
          kind: "success",
          message: "integrity.officer.report.statusSet",
        });
      },
    );

    officer.get<{ Params: Static<typeof FileParams>; Querystring: Static<typeof FileQuery> }>(
      "/integrity/officer/reports/:id/files/:attachmentId",
      { schema: { params: FileParams, querystring: FileQuery } },
      async (request, reply) => {
        const report = await loadReport(request, request.params.id, "openFile");
        const keys = await keysOrRedirect(request, reply);
        if (!keys) return reply;
        const ring = await officerKeyRing(app.db, report.id, request.account!.id, keys);
        const which = request.query.original ? "original" : "clean";
        const file = /^[0-9a-f-]{36}$/.test(request.params.attachmentId)
          ? await openAttachment(app.db, app.files, report, ring, request.params.attachmentId, which)
          : null;
        if (!file) throw new NotFoundError();
        await record(request, "integrity.attachment.open", report, {
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
  });

  // Counts, for every member of staff: the one thing about reports that those who may not read them see.
  app.get("/integrity/counts", { preHandler: requireStaff }, async (request, reply) => {
    if (!canIntegrity(request.actor, "counts")) throw new ForbiddenError();
    const scope = request.actor.platformAdmin ? "all" : "mine";
    const counts = await countReports(
      app.db,
      scope === "all" ? "all" : [...new Set(request.actor.roles.map((r) => r.structureId))],
    );
    return reply.render(<CountsPage counts={counts} scope={scope} />);
  });
};
