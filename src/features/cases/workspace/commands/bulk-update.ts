import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "../../../../core/errors/app-error.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../../core/forms.js";
import { isUuid } from "../../../../core/ids.js";
import { REFUSAL_ARTICLE, REFUSAL_GROUNDS } from "../../access-law.js";
import { canTransition } from "../../lifecycle.js";
import { cases } from "../../tables.js";
import type { CaseOutcome } from "../notify.js";
import { findHandler } from "../queries/handlers.js";
import { assignCase } from "./assign-case.js";
import { ACCESS_OUTCOMES, CLOSE_OUTCOMES, closeCase, closeOutcomesFor, NEEDS_GROUND } from "./close-case.js";
import { messageProblem, type StaffContext } from "./context.js";

export type BulkField = "ids" | "assignee" | "outcome" | "ground" | "message";
export const BULK_MAX = 100;

/** What the bulk form closes with: every request's outcomes, then those only access to information has. */
export const BULK_CLOSE_OUTCOMES: readonly CaseOutcome[] = [
  ...new Set([...CLOSE_OUTCOMES, ...ACCESS_OUTCOMES]),
];

export interface BulkInput {
  /** The queue's structure: the assignee must belong to it. */
  structureId: string;
  ids: string[];
  /** "assign" or "close": which of the form's buttons was pressed. */
  op?: string;
  assignee?: string;
  outcome?: string;
  /** A refusal's ground in the law (access to information), and the reasons sent to each requester. */
  ground?: string;
  message?: string;
}

/**
 * Assigns or closes several requests at once, each as if alone (its own checks, event, audit entry
 * and mails). A request that cannot take the action (another structure's, already closed…) is
 * skipped, and the others go ahead.
 *
 * A close is refused as a whole, before anything is written, when the outcome is not one the
 * selected requests' type has: an access-to-information request is closed only as Organic Law
 * 2016-22 decides it (close-case.ts), and a refusal needs the law's ground and the reasons. Skipping
 * them one by one would leave the agent believing they were closed.
 */
export async function bulkUpdate(
  ctx: StaffContext,
  input: BulkInput,
): Promise<Result<{ done: number; skipped: number }, BulkField>> {
  const errors: FieldErrors<BulkField> = {};
  const ids = [...new Set(input.ids)].filter((id) => isUuid(id));
  if (ids.length === 0) errors.ids = fieldError("cases.workspace.errors.bulkNone");
  else if (ids.length > BULK_MAX)
    errors.ids = fieldError("cases.workspace.errors.bulkTooMany", { max: BULK_MAX });
  const op = input.op === "close" ? "close" : "assign";
  const assignee = text(input.assignee);
  const outcome = BULK_CLOSE_OUTCOMES.find((o) => o === input.outcome);
  const ground = REFUSAL_GROUNDS.find((g) => g === input.ground);
  const message = text(input.message);
  if (op === "assign" && !assignee) errors.assignee = fieldError("cases.workspace.errors.assigneeRequired");
  else if (
    op === "assign" &&
    assignee !== "me" &&
    assignee !== "auto" &&
    !(await findHandler(ctx.db, input.structureId, assignee))
  ) {
    errors.assignee = fieldError("cases.workspace.errors.assigneeInvalid");
  }
  if (op === "close") {
    if (!outcome) errors.outcome = fieldError("cases.workspace.errors.outcomeRequired");
    else if (!errors.ids) {
      const problem = await outcomeProblem(ctx, input.structureId, ids, outcome);
      if (problem) errors.outcome = problem;
    }
    const needsGround = outcome !== undefined && NEEDS_GROUND.includes(outcome);
    if (needsGround && !ground)
      errors.ground = fieldError("cases.workspace.errors.bulkGroundRequired", { article: REFUSAL_ARTICLE });
    const problem = messageProblem(message, { optional: !needsGround });
    if (problem) errors.message = problem;
  }
  if (hasErrors(errors)) return { ok: false, errors };

  let done = 0;
  let skipped = 0;
  for (const id of ids) {
    try {
      const result =
        op === "assign"
          ? await assignCase(ctx, id, { assignee })
          : await closeCase(ctx, id, { outcome, ground, message });
      if (result.ok) done++;
      else skipped++;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      skipped++;
    }
  }
  return { ok: true, value: { done, skipped } };
}

/**
 * Why the outcome does not fit the selected open requests of the queue's structure: some are
 * access-to-information requests and the law has no such outcome, or the outcome is one of the law's
 * and some are not. Null when it fits them all.
 */
async function outcomeProblem(ctx: StaffContext, structureId: string, ids: string[], outcome: CaseOutcome) {
  const selected = await ctx.db
    .select({ type: cases.type, status: cases.status })
    .from(cases)
    .where(and(inArray(cases.id, ids), eq(cases.structureId, structureId)));
  const misfits = selected.filter(
    (c) => canTransition("close", c.status) && !closeOutcomesFor(c.type).includes(outcome),
  );
  const access = misfits.filter((c) => c.type === "information").length;
  if (access > 0) return fieldError("cases.workspace.errors.bulkAccessOutcome", { count: access });
  if (misfits.length > 0)
    return fieldError("cases.workspace.errors.bulkNotAccess", { count: misfits.length });
  return null;
}
