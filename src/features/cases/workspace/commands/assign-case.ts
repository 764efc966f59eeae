import { eq } from "drizzle-orm";
import { fieldError, type Result, text } from "../../../../core/forms.js";
import { cases } from "../../tables.js";
import { notifyAssignee, notifyCitizen } from "../notify.js";
import { findHandler, leastLoadedAgent } from "../queries/handlers.js";
import {
  addEvent,
  auditCase,
  lockCase,
  nowOf,
  requireCase,
  type StaffContext,
  structureName,
} from "./context.js";

export type AssignField = "assignee";

/** "me", "auto" (the least-loaded agent), or the id of an agent or admin of the request's structure. */
export interface AssignInput {
  assignee?: string;
}

/**
 * Hands a request to someone of its structure: oneself, a named colleague (structure admins and
 * platform admins), or the least-loaded agent. A new request becomes "in progress" (the citizen is
 * told); the assignee is mailed unless they assigned it to themselves.
 */
export async function assignCase(
  ctx: StaffContext,
  caseId: string,
  input: AssignInput,
): Promise<Result<{ assigneeId: string; changed: boolean }, AssignField>> {
  const wanted = text(input.assignee);
  const self = ctx.actor.accountId;
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId, "view");
    const auto = wanted === "auto";
    const targetId = wanted === "me" ? self : wanted;
    if (!auto && !targetId) {
      return { ok: false, errors: { assignee: fieldError("cases.workspace.errors.assigneeRequired") } };
    }
    const handler = auto
      ? await leastLoadedAgent(tx, c.structureId)
      : await findHandler(tx, c.structureId, targetId ?? "");
    if (auto && !handler)
      return { ok: false, errors: { assignee: fieldError("cases.workspace.errors.noAgent") } };
    if (!handler)
      return { ok: false, errors: { assignee: fieldError("cases.workspace.errors.assigneeInvalid") } };
    const toSelf = handler.id === self;
    requireCase(ctx, toSelf ? "assignSelf" : "assignOthers", c);
    if (c.assigneeId === handler.id) return { ok: true, value: { assigneeId: handler.id, changed: false } };

    const now = nowOf(ctx);
    const status = c.status === "new" ? "in_progress" : c.status;
    const [updated] = await tx
      .update(cases)
      .set({ assigneeId: handler.id, status, updatedAt: now })
      .where(eq(cases.id, c.id))
      .returning();
    await addEvent(tx, ctx, c.id, "assigned", now, { internal: true, details: { to: handler.id, auto } });
    await auditCase(tx, ctx, "assign", c, { assigneeId: handler.id, auto });
    if (!toSelf) await notifyAssignee(tx, ctx.mail, handler, c, await structureName(tx, c.structureId));
    if (status !== c.status) await notifyCitizen(tx, ctx.mail, updated!, { kind: "inProgress" });
    return { ok: true, value: { assigneeId: handler.id, changed: true } };
  });
}
