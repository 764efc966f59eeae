import { and, count, eq } from "drizzle-orm";
import { audit } from "../../../../core/audit/record.js";
import { fieldError, type Result, text } from "../../../../core/forms.js";
import { canQueue } from "../policy.js";
import { normaliseSavedQuery } from "../queue-filters.js";
import { savedCaseViews } from "../tables.js";
import type { StaffContext } from "./context.js";

export type ViewField = "name";
export const VIEW_NAME_MAX = 60;
export const VIEWS_MAX = 30;

/** Saves the queue's current filters under a name, for the person and the structure. */
export async function saveView(
  ctx: StaffContext,
  structureId: string,
  input: { name?: string; query?: string },
): Promise<Result<{ id: string; query: string }, ViewField>> {
  const accountId = ctx.actor.accountId;
  if (!accountId || !canQueue(ctx.actor, structureId))
    return { ok: false, errors: { name: fieldError("cases.workspace.errors.viewNotAllowed") } };
  const name = text(input.name);
  if (!name) return { ok: false, errors: { name: fieldError("cases.workspace.errors.viewNameRequired") } };
  if ([...name].length > VIEW_NAME_MAX)
    return {
      ok: false,
      errors: { name: fieldError("cases.workspace.errors.viewNameLong", { max: VIEW_NAME_MAX }) },
    };
  const [existing] = await ctx.db
    .select({ n: count() })
    .from(savedCaseViews)
    .where(and(eq(savedCaseViews.accountId, accountId), eq(savedCaseViews.structureId, structureId)));
  if (Number(existing?.n ?? 0) >= VIEWS_MAX)
    return {
      ok: false,
      errors: { name: fieldError("cases.workspace.errors.viewsTooMany", { max: VIEWS_MAX }) },
    };
  const query = normaliseSavedQuery(input.query ?? "", structureId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savedCaseViews)
      .values({ accountId, structureId, name, query })
      .returning({ id: savedCaseViews.id });
    await audit(
      tx,
      { action: "case_view.create", subjectType: "saved_case_view", subjectId: row!.id, structureId },
      ctx.request,
      accountId,
    );
    return { ok: true, value: { id: row!.id, query } };
  });
}
