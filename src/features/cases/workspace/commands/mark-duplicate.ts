import { eq, sql } from "drizzle-orm";
import { fieldError, type Result, text } from "../../../../core/forms.js";
import { caseFollowers, cases } from "../../tables.js";
import { notifyCitizen } from "../notify.js";
import { canCase } from "../policy.js";
import { findCaseByReference } from "../queries/case.js";
import { addEvent, auditCase, lockCase, nowOf, type StaffContext } from "./context.js";

export type DuplicateField = "reference";

/**
 * Marks a request as a duplicate of another of the same structure, quoted by its reference: it is
 * closed with the outcome "duplicate", its submitter and followers start following the original,
 * and both timelines say so (a "merged" event on each). The citizen is told which request to follow.
 */
export async function markDuplicate(
  ctx: StaffContext,
  caseId: string,
  input: { reference?: string },
): Promise<Result<{ originalId: string }, DuplicateField>> {
  const reference = text(input.reference);
  if (!reference)
    return { ok: false, errors: { reference: fieldError("cases.workspace.errors.referenceRequired") } };
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId, "markDuplicate");
    const found = await findCaseByReference(tx, c.structureId, reference);
    if (!found || !canCase(ctx.actor, "view", found)) {
      return { ok: false, errors: { reference: fieldError("cases.workspace.errors.referenceUnknown") } };
    }
    if (found.id === c.id)
      return { ok: false, errors: { reference: fieldError("cases.workspace.errors.referenceSelf") } };
    if (found.duplicateOfId) {
      return { ok: false, errors: { reference: fieldError("cases.workspace.errors.referenceIsDuplicate") } };
    }
    // Lock the original too, so two agents merging into each other cannot both succeed.
    const [original] = await tx.select().from(cases).where(eq(cases.id, found.id)).for("update");
    if (!original || original.duplicateOfId) {
      return { ok: false, errors: { reference: fieldError("cases.workspace.errors.referenceIsDuplicate") } };
    }
    const now = nowOf(ctx);
    const [updated] = await tx
      .update(cases)
      .set({
        status: "closed",
        outcome: "duplicate",
        duplicateOfId: original.id,
        closedAt: now,
        pausedAt: null,
        updatedAt: now,
      })
      .where(eq(cases.id, c.id))
      .returning();
    if (c.submitterId && c.submitterId !== original.submitterId) {
      await tx
        .insert(caseFollowers)
        .values({ caseId: original.id, accountId: c.submitterId })
        .onConflictDoNothing();
    }
    await tx.execute(sql`
      insert into case_followers (case_id, account_id)
      select ${original.id}, account_id from case_followers where case_id = ${c.id}
        and account_id is distinct from ${original.submitterId}
      on conflict do nothing`);
    await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, original.id));
    await addEvent(tx, ctx, c.id, "merged", now, {
      details: { into: original.id, reference: original.reference },
    });
    await addEvent(tx, ctx, original.id, "merged", now, { details: { from: c.id, reference: c.reference } });
    await auditCase(tx, ctx, "mark_duplicate", c, { originalId: original.id });
    await notifyCitizen(tx, ctx.mail, updated!, { kind: "merged", into: original.reference });
    return { ok: true, value: { originalId: original.id } };
  });
}
