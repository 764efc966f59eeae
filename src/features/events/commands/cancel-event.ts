import { and, eq, inArray, isNull } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { fieldError, type Result, text } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import type { EventRow } from "../queries.js";
import { eventRegistrations, events } from "../tables.js";
import { type EventMailSettings, mailPerson } from "./registrations.js";

export const CANCEL_REASON_MAX = 1000;

/**
 * Its organiser cancels an event, with the reason: its page says so, its .ics says CANCELLED,
 * registration closes, and everyone registered or waiting is told by mail (through the outbox), in
 * the transaction that cancels it. "already" when it was cancelled before (nobody is told twice).
 */
export async function cancelEvent(
  db: Db,
  event: EventRow,
  input: { reason?: string },
  context: ChangeContext & { mail: EventMailSettings },
  now: Date = new Date(),
): Promise<Result<{ told: number } | "already", "reason">> {
  const reason = text(input.reason);
  if (!reason) return { ok: false, errors: { reason: fieldError("events.errors.reasonRequired") } };
  if (reason.length > CANCEL_REASON_MAX)
    return {
      ok: false,
      errors: { reason: fieldError("events.errors.reasonLong", { max: CANCEL_REASON_MAX }) },
    };
  return db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(events)
      .set({ cancelledAt: now, cancelReason: reason, updatedAt: now })
      .where(and(eq(events.id, event.id), isNull(events.cancelledAt)))
      .returning();
    if (!cancelled) return { ok: true as const, value: "already" as const };
    const registered = await tx
      .select({ accountId: eventRegistrations.accountId })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, event.id),
          inArray(eventRegistrations.status, ["confirmed", "waiting"]),
        ),
      );
    for (const r of registered) await mailPerson(tx, r.accountId, cancelled, "cancelled", context.mail);
    await audit(
      tx,
      {
        action: "event.cancel",
        subjectType: "event",
        subjectId: event.id,
        structureId: event.structureId,
        details: { told: registered.length },
      },
      context.request,
      context.actorId,
    );
    return { ok: true as const, value: { told: registered.length } };
  });
}
