import { describe, expect, it } from "vitest";
import { findHoliday, loadCalendar } from "../queries.js";
import { auditOf, commandTestDb } from "../testing/database.js";
import { createHoliday } from "./create-holiday.js";

const db = await commandTestDb();
const names = { nameAr: "يوم وطني", nameFr: "Journée nationale", nameEn: "National day" };

describe("createHoliday", () => {
  it("adds a dated holiday that the calendar then skips, and audits it without its names", async () => {
    const result = await createHoliday(
      db,
      { kind: "dated", date: "15/09/2027", ...names },
      { actorId: null },
    );
    expect(result).toMatchObject({ ok: true, value: { year: 2027 } });
    if (!result.ok) return;
    expect(await findHoliday(db, result.value.id)).toMatchObject({
      kind: "dated",
      date: "2027-09-15",
      month: null,
    });
    expect((await loadCalendar(db, 2027, 2027)).holidays.has("2027-09-15")).toBe(true);
    const [event] = await auditOf(db, "holiday.create", result.value.id);
    expect(event?.details).toEqual({ kind: "dated", date: "2027-09-15" });
  });

  it("adds a fixed holiday that recurs every year, 29 February included", async () => {
    const result = await createHoliday(db, { kind: "fixed", month: "2", day: "29", ...names }, {});
    expect(result.ok).toBe(true);
    const calendar = await loadCalendar(db, 2027, 2028);
    expect(calendar.holidays.has("2028-02-29")).toBe(true);
    expect(calendar.holidays.has("2027-03-01")).toBe(false);
  });

  it("reads Arabic-Indic digits", async () => {
    const result = await createHoliday(db, { kind: "dated", date: "٢٠٢٧-٠٩-١٦", ...names }, {});
    expect(result).toMatchObject({ ok: true, value: { year: 2027 } });
  });

  it("says what is wrong with each field and stores nothing", async () => {
    const before = (await loadCalendar(db, 2027, 2027)).holidays.size;
    expect(await createHoliday(db, {}, {})).toEqual({
      ok: false,
      errors: {
        kind: { key: "calendar.errors.kind" },
        nameAr: { key: "calendar.errors.name.ar" },
        nameFr: { key: "calendar.errors.name.fr" },
        nameEn: { key: "calendar.errors.name.en" },
      },
    });
    expect(await createHoliday(db, { kind: "dated", date: "2027-02-30", ...names }, {})).toMatchObject({
      ok: false,
      errors: { date: { key: "calendar.errors.dateInvalid" } },
    });
    expect(await createHoliday(db, { kind: "dated", ...names }, {})).toMatchObject({
      errors: { date: { key: "calendar.errors.dateRequired" } },
    });
    expect(await createHoliday(db, { kind: "fixed", month: "4", day: "31", ...names }, {})).toMatchObject({
      errors: { day: { key: "calendar.errors.day" } },
    });
    expect(await createHoliday(db, { kind: "fixed", month: "13", day: "1", ...names }, {})).toMatchObject({
      errors: { month: { key: "calendar.errors.month" } },
    });
    expect(
      await createHoliday(db, { kind: "dated", date: "2027-10-01", ...names, nameFr: "x".repeat(201) }, {}),
    ).toMatchObject({
      errors: { nameFr: { key: "calendar.errors.nameLong", values: { lang: "fr", max: 200 } } },
    });
    expect((await loadCalendar(db, 2027, 2027)).holidays.size).toBe(before);
  });

  it("refuses a second holiday of the same kind on the same day", async () => {
    // Eid al-Fitr 2026 is seeded on 20 March; Independence Day (fixed) shares the day, as it should.
    expect(await createHoliday(db, { kind: "dated", date: "2026-03-20", ...names }, {})).toEqual({
      ok: false,
      errors: { date: { key: "calendar.errors.taken" } },
    });
    expect(await createHoliday(db, { kind: "fixed", month: "3", day: "20", ...names }, {})).toEqual({
      ok: false,
      errors: { day: { key: "calendar.errors.taken" } },
    });
  });
});
