import { eq } from "drizzle-orm";
import type { AccountExportPart } from "../../core/personal-data/contracts.js";
import type { Db } from "../../db/client.js";
import { eventRegistrations, events } from "./tables.js";

/** A person's event registrations, for their data export. */
export async function exportEventAccount(db: Db, accountId: string): Promise<AccountExportPart[]> {
  const rows = await db
    .select({
      event: events.title,
      startsAt: events.startsAt,
      status: eventRegistrations.status,
      registeredAt: eventRegistrations.createdAt,
      cancelledAt: eventRegistrations.cancelledAt,
      attended: eventRegistrations.attended,
    })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(eq(eventRegistrations.accountId, accountId));
  return [{ name: "event-registrations", rows }];
}
