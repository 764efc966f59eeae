import { and, eq, inArray, sql } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { isUuid } from "../../../core/ids.js";
import type { Db } from "../../../db/client.js";
import type { EventRow } from "../queries.js";
import { eventRegistrations } from "../tables.js";

/**
 * Records who came: the confirmed registrations listed in `present` attended, the others did not.
 * Ids of other events or of people not confirmed are ignored. Returns how many attended.
 */
export async function markAttendance(
  db: Db,
  event: EventRow,
  present: string[],
  context: ChangeContext,
): Promise<number> {
  return db.transaction(async (tx) => {
    const confirmed = and(
      eq(eventRegistrations.eventId, event.id),
      eq(eventRegistrations.status, "confirmed"),
    );
    await tx.update(eventRegistrations).set({ attended: false }).where(confirmed);
    const ids = present.filter(isUuid).slice(0, 100_000);
    const marked =
      ids.length === 0
        ? []
        : await tx
            .update(eventRegistrations)
            .set({ attended: sql`true` })
            .where(and(confirmed, inArray(eventRegistrations.id, ids)))
            .returning({ id: eventRegistrations.id });
    await audit(
      tx,
      {
        action: "event.attendance",
        subjectType: "event",
        subjectId: event.id,
        structureId: event.structureId,
        details: { attended: marked.length },
      },
      context.request,
      context.actorId,
    );
    return marked.length;
  });
}
