import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import { auditEvents } from "./tables.js";

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  structureId?: string | null;
  /** Identifiers and codes only: never message content, passwords, tokens or report text. */
  details?: Record<string, unknown>;
}

/** Appends an audit event for what the request's actor did (or the system, from a job or the CLI). */
export async function audit(db: Db, entry: AuditEntry, request?: FastifyRequest, actorId?: string | null) {
  await db.insert(auditEvents).values({
    actorId: actorId ?? request?.account?.id ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    structureId: entry.structureId ?? null,
    details: entry.details ?? {},
    requestId: request?.id ?? null,
  });
}
