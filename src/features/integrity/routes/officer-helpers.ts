import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { sha256 } from "../../../core/auth/secrets.js";
import { SESSION_COOKIE } from "../../../core/auth/sessions.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { centralUnitId, findOfficerKeys, setKeyCookie, startKeySession, unlockedKeys } from "../officers.js";
import { canIntegrity, type IntegrityAction } from "../policy.js";
import { findReport } from "../queries.js";
import type { ReportRow } from "../reports.js";

/** What the officers' route files share: the key session, the report guard, the audit record. */

export const sessionId = (request: FastifyRequest) => sha256(request.cookies[SESSION_COOKIE] ?? "");

/** A safe place to go back to after unlocking: one of the officers' own pages. */
export function safeNext(locale: string, next: string | undefined): string {
  const prefix = `/${locale}/integrity/officer`;
  return next?.startsWith(prefix) && !next.includes("//") ? next : prefix;
}

/** The officer's keys for this request, or a redirect to make or unlock them. */
export async function keysOrRedirect(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
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

/** Opens a key session with the officer's keys (its cookie set), audited as `action`. */
export async function startOpenedSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  keys: Parameters<typeof startKeySession>[3],
  action: string,
) {
  const accountId = request.account!.id;
  setKeyCookie(request, reply, await startKeySession(app.db, sessionId(request), accountId, keys));
  await audit(app.db, { action, subjectType: "account", subjectId: accountId }, request);
}

/** Loads a report and checks it twice: not addressed to the officer → 404, as if it did not exist. */
export async function loadReport(
  app: FastifyInstance,
  request: FastifyRequest,
  id: string,
  action: IntegrityAction,
): Promise<ReportRow> {
  const report = await findReport(app.db, id);
  if (!report || !canIntegrity(request.actor, action, report, await centralUnitId(app.db)))
    throw new NotFoundError();
  return report;
}

/** Audits an officer's action on a report (never with its content). */
export const recordReportAction = (
  app: FastifyInstance,
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
