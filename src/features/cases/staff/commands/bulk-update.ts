import { AppError } from "../../../../core/errors/app-error.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../../core/forms.js";
import { isUuid } from "../../../structures/commands/structure-fields.js";
import { findHandler } from "../queries/handlers.js";
import { assignCase } from "./assign-case.js";
import { CLOSE_OUTCOMES, closeCase } from "./close-case.js";
import type { StaffContext } from "./context.js";

export type BulkField = "ids" | "assignee" | "outcome";
export const BULK_MAX = 100;

export interface BulkInput {
  /** The queue's structure: the assignee must belong to it. */
  structureId: string;
  ids: string[];
  /** "assign" or "close": which of the form's buttons was pressed. */
  op?: string;
  assignee?: string;
  outcome?: string;
}

/**
 * Assigns or closes several requests at once, each as if alone (its own checks, event, audit entry
 * and mails). A request that cannot take the action (another structure's, already closed…) is
 * skipped, and the others go ahead.
 */
export async function bulkUpdate(
  ctx: StaffContext,
  input: BulkInput,
): Promise<Result<{ done: number; skipped: number }, BulkField>> {
  const errors: FieldErrors<BulkField> = {};
  const ids = [...new Set(input.ids)].filter((id) => isUuid(id));
  if (ids.length === 0) errors.ids = fieldError("cases.staff.errors.bulkNone");
  else if (ids.length > BULK_MAX)
    errors.ids = fieldError("cases.staff.errors.bulkTooMany", { max: BULK_MAX });
  const op = input.op === "close" ? "close" : "assign";
  const assignee = text(input.assignee);
  const outcome = CLOSE_OUTCOMES.find((o) => o === input.outcome);
  if (op === "assign" && !assignee) errors.assignee = fieldError("cases.staff.errors.assigneeRequired");
  else if (
    op === "assign" &&
    assignee !== "me" &&
    assignee !== "auto" &&
    !(await findHandler(ctx.db, input.structureId, assignee))
  ) {
    errors.assignee = fieldError("cases.staff.errors.assigneeInvalid");
  }
  if (op === "close" && !outcome) errors.outcome = fieldError("cases.staff.errors.outcomeRequired");
  if (hasErrors(errors)) return { ok: false, errors };

  let done = 0;
  let skipped = 0;
  for (const id of ids) {
    try {
      const result =
        op === "assign" ? await assignCase(ctx, id, { assignee }) : await closeCase(ctx, id, { outcome });
      if (result.ok) done++;
      else skipped++;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      skipped++;
    }
  }
  return { ok: true, value: { done, skipped } };
}
