import { eq } from "drizzle-orm";
import { audit } from "../../../core/audit/record.js";
import type { Result } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { isUniqueViolation } from "../../../db/errors.js";
import type { Holiday } from "../queries.js";
import { holidays } from "../tables.js";
import type { ChangeContext } from "./fields.js";
import {
  type HolidayField,
  type HolidayInput,
  holidayDetails,
  parseHoliday,
  taken,
} from "./holiday-fields.js";

/** Changes a holiday: its kind, day or names (audited "holiday.update" with the old and new days). */
export async function updateHoliday(
  db: Db,
  holiday: Holiday,
  input: HolidayInput,
  context: ChangeContext,
): Promise<Result<{ year: number | null }, HolidayField>> {
  const parsed = parseHoliday(input);
  if (!parsed.ok) return parsed;
  const values = parsed.value;
  try {
    await db.transaction(async (tx) => {
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
    });
    return { ok: true, value: { year: values.date ? Number(values.date.slice(0, 4)) : null } };
  } catch (error) {
    if (isUniqueViolation(error)) return taken(values);
    throw error;
  }
}
