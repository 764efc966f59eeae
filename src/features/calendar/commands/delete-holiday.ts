import { eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import type { Db } from "../../../db/client.js";
import type { Holiday } from "../queries.js";
import { holidays } from "../tables.js";
import { holidayDetails } from "./holiday-fields.js";

/** Removes a holiday (audited "holiday.delete"). Deadlines already computed keep their date. */
export async function deleteHoliday(db: Db, holiday: Holiday, context: ChangeContext): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(holidays).where(eq(holidays.id, holiday.id));
    await audit(
      tx,
      {
        action: "holiday.delete",
        subjectType: "holiday",
        subjectId: holiday.id,
        details: holidayDetails(holiday),
      },
      context.request,
      context.actorId,
    );
  });
}
