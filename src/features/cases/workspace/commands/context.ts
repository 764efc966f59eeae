import { eq } from "drizzle-orm";
import { type ActingContext, audit } from "../../../../core/audit/record.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../../core/errors/app-error.js";
import { type FieldError, fieldError } from "../../../../core/forms.js";
import { structures } from "../../../../core/structures/tables.js";
import type { Db } from "../../../../db/client.js";
import { type CaseEventKind, canTransition } from "../../lifecycle.js";
import { LIMITS } from "../../rules.js";
import { caseEvents, cases } from "../../tables.js";
import type { MailSettings } from "../notify.js";
import { type CaseStaffAction, canCase, lifecycleStep } from "../policy.js";
import type { CaseRow } from "../queries/case.js";

/** Who acts, where, and what mails need: built once per request by the routes. */
export interface StaffContext extends ActingContext {
  db: Db;
  mail: MailSettings;
  /** The clock (tests move it). */
  now?: () => Date;
}

export const nowOf = (ctx: StaffContext) => (ctx.now ? ctx.now() : new Date());

/**
 * Checks an action on a request: one the actor may not see is not found (404); one whose status no
 * longer allows the action (someone acted first) is a conflict (409); any other refusal, 403.
 */
export function requireCase(
  ctx: StaffContext,
  action: CaseStaffAction,
  c: CaseRow | null | undefined,
): CaseRow {
  if (!c || !canCase(ctx.actor, "view", c)) throw new NotFoundError();
  if (canCase(ctx.actor, action, c)) return c;
  const step = lifecycleStep(action);
  if (step && !canTransition(step, c.status)) throw new ConflictError();
  throw new ForbiddenError();
}

/** Loads a request for an action inside a transaction, locking its row, and checks it (requireCase). */
export async function lockCase(
  tx: Db,
  ctx: StaffContext,
  caseId: string,
  action: CaseStaffAction,
): Promise<CaseRow> {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  return requireCase(ctx, action, c);
}

/** Appends an event to a request's history; answers its id. */
export async function addEvent(
  tx: Db,
  ctx: StaffContext,
  caseId: string,
  kind: CaseEventKind,
  at: Date,
  fields: { internal?: boolean; body?: string | null; details?: Record<string, unknown> } = {},
): Promise<string> {
  const [event] = await tx
    .insert(caseEvents)
    .values({
      caseId,
      kind,
      at,
      actorId: ctx.actor.accountId,
      internal: fields.internal ?? false,
      body: fields.body ?? null,
      details: fields.details ?? {},
    })
    .returning({ id: caseEvents.id });
  return event!.id;
}

/** Audits what an official did to a request: identifiers and codes only, never the text. */
export async function auditCase(
  tx: Db,
  ctx: StaffContext,
  verb: string,
  c: Pick<CaseRow, "id" | "structureId">,
  details: Record<string, unknown> = {},
): Promise<void> {
  await audit(
    tx,
    { action: `case.${verb}`, subjectType: "case", subjectId: c.id, structureId: c.structureId, details },
    ctx.request,
    ctx.actor.accountId,
  );
}

export async function structureName(tx: Db, id: string) {
  const [row] = await tx.select({ name: structures.name }).from(structures).where(eq(structures.id, id));
  return row?.name ?? {};
}

/** A message to the citizen or a note: required (unless optional), at most LIMITS.reply characters. */
export function messageProblem(value: string, { optional = false } = {}): FieldError | null {
  if (!value) return optional ? null : fieldError("cases.workspace.errors.messageRequired");
  if ([...value].length > LIMITS.reply)
    return fieldError("cases.workspace.errors.messageLong", { max: LIMITS.reply });
  return null;
}
