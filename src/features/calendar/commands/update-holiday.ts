import { eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import type { Result } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import type { Holiday } from "../queries.js";
import { holidays } from "../tables.js";
import { type HolidayField, type HolidayInput, holidayDetails, writeHoliday } from "./holiday-fields.js";

/** Changes a holiday: its kind, day or names (audited "holiday.update" with the old and new days). */
export async function updateHoliday(
  db: Db,
  holiday: Holiday,
  input: HolidayInput,
  context: ChangeContext,
): Promise<Result<{ year: number | null }, HolidayField>> {
  return writeHoliday(db, input, async (tx, values) => {
    await tx.update(holidays).set(values).where(eq(holidays.id, holiday.id));
    await audit(
      tx,
      {
        action: "holiday.update",
        subjectType: "holiday",
        subjectId: holiday.id,
        details: { before: holidayDetails(holiday), after: holidayDetails(values) },
      },
      context.request,
      context.actorId,
    );
    return {};
  });
}
