import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findHoliday, loadCalendar } from "../queries.js";
import { holidays } from "../tables.js";
import { auditOf, commandTestDb } from "../testing/database.js";
import { deleteHoliday } from "./delete-holiday.js";

const db = await commandTestDb();

describe("deleteHoliday", () => {
  it("removes a fixed holiday from every year and audits it", async () => {
    const [labour] = await db
      .select()
      .from(holidays)
      .where(and(eq(holidays.kind, "fixed"), eq(holidays.month, 5), eq(holidays.day, 1)));
    await deleteHoliday(db, labour!, { actorId: null });
    expect(await findHoliday(db, labour!.id)).toBeNull();
    const calendar = await loadCalendar(db, 2026, 2030);
    expect([...calendar.holidays].some((d) => d.endsWith("-05-01"))).toBe(false);
    const [event] = await auditOf(db, "holiday.delete", labour!.id);
    expect(event?.details).toEqual({ kind: "fixed", month: 5, day: 1 });
  });
});
