import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findHoliday, loadCalendar } from "../queries.js";
import { holidays } from "../tables.js";
import { auditOf, commandTestDb } from "../testing/database.js";
import { updateHoliday } from "./update-holiday.js";

const db = await commandTestDb();
const eid = async (date: string) =>
  (
    await db
      .select()
      .from(holidays)
      .where(and(eq(holidays.kind, "dated"), eq(holidays.date, date)))
  )[0]!;

describe("updateHoliday", () => {
  it("moves a religious holiday to the day announced, and the calendar follows", async () => {
    const holiday = await eid("2027-03-10");
    const input = {
      kind: "dated",
      date: "2027-03-09",
      nameAr: "عيد الفطر",
      nameFr: "Aïd el-Fitr",
      nameEn: "Eid al-Fitr",
    };
    expect(await updateHoliday(db, holiday, input, {})).toEqual({ ok: true, value: { year: 2027 } });
    const calendar = await loadCalendar(db, 2027, 2027);
    expect(calendar.holidays.has("2027-03-09")).toBe(true);
    expect(calendar.holidays.has("2027-03-10")).toBe(false);
    const [event] = await auditOf(db, "holiday.update", holiday.id);
    expect(event?.details).toEqual({
      before: { kind: "dated", date: "2027-03-10" },
      after: { kind: "dated", date: "2027-03-09" },
    });
  });

  it("turns a dated holiday into a fixed one", async () => {
    const holiday = await eid("2027-08-15");
    const input = { kind: "fixed", month: "8", day: "16", nameAr: "ع", nameFr: "f", nameEn: "e" };
    expect((await updateHoliday(db, holiday, input, {})).ok).toBe(true);
    expect(await findHoliday(db, holiday.id)).toMatchObject({ kind: "fixed", month: 8, day: 16, date: null });
  });

  it("refuses to move a holiday onto a day that has one, and changes nothing", async () => {
    const holiday = await eid("2027-05-17");
    const input = { kind: "dated", date: "2027-05-18", nameAr: "ع", nameFr: "f", nameEn: "e" };
    expect(await updateHoliday(db, holiday, input, {})).toEqual({
      ok: false,
      errors: { date: { key: "calendar.errors.taken" } },
    });
    expect((await findHoliday(db, holiday.id))?.date).toBe("2027-05-17");
  });
});
