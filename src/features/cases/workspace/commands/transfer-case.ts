import { and, eq, isNull, sql } from "drizzle-orm";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../../core/forms.js";
import { isUuid } from "../../../../core/ids.js";
import { structures } from "../../../../core/structures/tables.js";
import { CENTRAL_OFFICE_CODE } from "../../../structures/reference-data.js";
import { computeDueAt } from "../../deadline.js";
import { cases } from "../../tables.js";
import { notifyCitizen, notifyStaff } from "../notify.js";
import { listMembers } from "../queries/handlers.js";
import { addEvent, auditCase, lockCase, nowOf, type StaffContext } from "./context.js";

export type TransferField = "structure" | "reason";

export const REASON_MAX = 1000;
/** From this many transfers a request is flagged to the central office. */
export const BOUNCE_LIMIT = 2;

/**
 * Sends a request to the competent structure, with the reason. Its clock restarts there (a full
 * deadline from today), it loses its assignee and its category (each structure has its own), and it
 * is "new" again. The structure's admins (or, without any, its agents) and the citizen are mailed.
 * The second transfer of a request flags it to the central office: an event and a mail to its admins.
 */
export async function transferCase(
  ctx: StaffContext,
  caseId: string,
  input: { structure?: string; reason?: string },
): Promise<Result<{ transferCount: number; flagged: boolean }, TransferField>> {
  const errors: FieldErrors<TransferField> = {};
  const targetId = text(input.structure);
  const reason = text(input.reason);
  if (!reason) errors.reason = fieldError("cases.workspace.errors.reasonRequired");
  else if ([...reason].length > REASON_MAX)
    errors.reason = fieldError("cases.workspace.errors.reasonLong", { max: REASON_MAX });
  const [target] = isUuid(targetId)
    ? await ctx.db
        .select()
        .from(structures)
        .where(and(eq(structures.id, targetId), isNull(structures.retiredAt)))
    : [];
  if (!target) errors.structure = fieldError("cases.workspace.errors.structureRequired");
  if (hasErrors(errors) || !target) return { ok: false, errors };

  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, caseId, "transfer");
    if (target.id === c.structureId) {
      return { ok: false, errors: { structure: fieldError("cases.workspace.errors.sameStructure") } };
    }
    const now = nowOf(ctx);
    const dueAt = await computeDueAt(tx, c.type, target.id, now);
    const [updated] = await tx
      .update(cases)
      .set({
        structureId: target.id,
        categoryId: null,
        status: "new",
        assigneeId: null,
        // Its team was the former structure's.
        teamId: null,
        clockStartedAt: now,
        dueAt,
        pausedAt: null,
        escalationLevel: 0,
        transferCount: sql`${cases.transferCount} + 1`,
        updatedAt: now,
      })
      .where(eq(cases.id, c.id))
      .returning();
    const transferCount = updated!.transferCount;
    await addEvent(tx, ctx, c.id, "transferred", now, {
      details: { from: c.structureId, to: target.id, reason },
    });
    await auditCase(tx, ctx, "transfer", c, { from: c.structureId, to: target.id, transferCount });

    const admins = await listMembers(tx, target.id, ["structure_admin"]);
    const receivers = admins.length > 0 ? admins : await listMembers(tx, target.id, ["agent"]);
    await notifyStaff(tx, ctx.mail, receivers, "transferred", c, target.name);
    await notifyCitizen(tx, ctx.mail, updated!, { kind: "transferred", structure: target.name });

    const flagged = transferCount === BOUNCE_LIMIT;
    if (flagged) {
      const [office] = await tx.select().from(structures).where(eq(structures.code, CENTRAL_OFFICE_CODE));
      await addEvent(tx, ctx, c.id, "escalated", now, {
        internal: true,
        details: { cause: "transferred_twice", transferCount, to: office?.id ?? null },
      });
      await auditCase(tx, ctx, "flag", { id: c.id, structureId: target.id }, { cause: "transferred_twice" });
      if (office) {
        await notifyStaff(
          tx,
          ctx.mail,
          await listMembers(tx, office.id, ["structure_admin"]),
          "bounced",
          c,
          target.name,
        );
      }
    }
    return { ok: true, value: { transferCount, flagged } };
  });
}
