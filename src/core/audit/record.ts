import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import type { Actor } from "../authz/actor.js";
import { auditEvents } from "./tables.js";

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  structureId?: string | null;
  /** Identifiers and codes only: never message content, passwords, tokens or report text. */
  details?: Record<string, unknown>;
}

/**
 * Who does a change, for the audit log: an account, or nobody (the CLI, a job). Without an
 * actorId, the request's account is the actor.
 */
export interface ChangeContext {
  actorId?: string | null;
  /** The HTTP request, when there is one (the audit log keeps its id). */
  request?: FastifyRequest;
}

/**
 * Who acts with which powers, for the commands that check them: the features' command contexts
 * (a request handler's, an inviter's) extend it with what their mails and clocks need.
 */
export interface ActingContext {
  actor: Actor;
  /** The HTTP request, for the audit log's request id; absent in jobs and tests. */
  request?: FastifyRequest;
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
