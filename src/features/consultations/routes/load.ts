import type { FastifyRequest } from "fastify";
import type { ChangeContext } from "../../../core/audit/record.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import { type ConsultationAction, canConsultation, canSeeConsultation } from "../policy.js";
import { type ConsultationView, findConsultation } from "../queries.js";

/** A consultation the actor may see on the public side: published ones, and drafts for their admins. */
export async function loadPublic(request: FastifyRequest, id: string): Promise<ConsultationView> {
  const c = await findConsultation(request.server.db, id);
  if (!c || !canSeeConsultation(request.actor, c)) throw new NotFoundError();
  return c;
}

/**
 * A consultation an admin route acts on, checked twice: one the actor does not run answers 404 (as
 * an unknown id does), an action they may not take 403.
 */
export async function loadAdmin(
  request: FastifyRequest,
  id: string,
  action: ConsultationAction = "manage",
): Promise<ConsultationView> {
  const c = await findConsultation(request.server.db, id);
  if (!c || !canConsultation(request.actor, "manage", c)) throw new NotFoundError();
  if (!canConsultation(request.actor, action, c)) throw new ForbiddenError();
  return c;
}

export function changeContext(request: FastifyRequest): ChangeContext & { publicUrl: string } {
  return { actorId: request.account?.id ?? null, request, publicUrl: request.server.config.publicUrl };
}

/** A locale-relative path back into this consultation's pages (its page, a section, a thread), or its page. */
export function safeBack(value: string | undefined, consultationId: string): string {
  const base = `/consultations/${consultationId}`;
  const inside = /^\/(sections|comments)\/[0-9a-f-]{36}$/;
  if (value?.startsWith(`${base}/`) && inside.test(value.slice(base.length))) return value;
  return base;
}
