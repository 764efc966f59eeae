import { platformSettings } from "../../../core/settings/tables.js";
import type { Db } from "../../../db/client.js";
import { DATED_HOLIDAYS, FIXED_HOLIDAYS, NATIONAL_DEADLINES } from "../reference-data.js";
import { deadlinePolicies, holidays } from "../tables.js";

/** Set once the reference holidays are in: later starts leave the calendar to the admins. */
export const HOLIDAYS_SEEDED = "calendar.reference_holidays.v1";

/**
 * Reference data of the calendar, idempotent (it runs at every start):
 * - the holidays go in once per installation (a marker records it), so that a holiday an admin
 *   moved or removed (an Eid announced a day later) does not come back at the next start;
 * - a national default deadline is added for each type that has none; admins' changes are kept.
 */
export async function seedReferenceCalendar(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const first = await tx
      .insert(platformSettings)
      .values({ key: HOLIDAYS_SEEDED, value: { at: new Date().toISOString() } })
      .onConflictDoNothing()
      .returning({ key: platformSettings.key });
    if (first.length === 0) return;
    await tx
      .insert(holidays)
      .values([
        ...FIXED_HOLIDAYS.map((h) => ({ kind: "fixed" as const, month: h.month, day: h.day, name: h.name })),
        ...DATED_HOLIDAYS.map((h) => ({ kind: "dated" as const, date: h.date, name: h.name })),
      ])
      .onConflictDoNothing();
  });
  await db
    .insert(deadlinePolicies)
    .values(NATIONAL_DEADLINES.map((p) => ({ ...p, structureId: null })))
    .onConflictDoNothing();
}
