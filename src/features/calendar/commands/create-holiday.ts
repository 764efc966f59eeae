import { audit } from "../../../core/audit/record.js";
import type { Result } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { isUniqueViolation } from "../../../db/errors.js";
import { holidays } from "../tables.js";
import type { ChangeContext } from "./fields.js";
import {
  type HolidayField,
  type HolidayInput,
  holidayDetails,
  parseHoliday,
  taken,
} from "./holiday-fields.js";

/** Adds a public holiday (audited "holiday.create"). */
export async function createHoliday(
  db: Db,
  input: HolidayInput,
  context: ChangeContext,
): Promise<Result<{ id: string; year: number | null }, HolidayField>> {
  const parsed = parseHoliday(input);
  if (!parsed.ok) return parsed;
  const values = parsed.value;
  try {
    const id = await db.transaction(async (tx) => {
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
      return row!.id;
    });
    return { ok: true, value: { id, year: values.date ? Number(values.date.slice(0, 4)) : null } };
  } catch (error) {
    if (isUniqueViolation(error)) return taken(values);
    throw error;
  }
}
