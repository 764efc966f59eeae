import { audit, type ChangeContext } from "../../../core/audit/record.js";
import type { Result } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { holidays } from "../tables.js";
import { type HolidayField, type HolidayInput, holidayDetails, writeHoliday } from "./holiday-fields.js";

/** Adds a public holiday (audited "holiday.create"). */
export async function createHoliday(
  db: Db,
  input: HolidayInput,
  context: ChangeContext,
): Promise<Result<{ id: string; year: number | null }, HolidayField>> {
  return writeHoliday(db, input, async (tx, values) => {
    const [row] = await tx.insert(holidays).values(values).returning({ id: holidays.id });
    await audit(
      tx,
      {
        action: "holiday.create",
        subjectType: "holiday",
        subjectId: row!.id,
        details: holidayDetails(values),
      },
      context.request,
      context.actorId,
    );
    return { id: row!.id };
  });
}
