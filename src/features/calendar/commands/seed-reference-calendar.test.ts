import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addWorkingDays } from "../deadlines.js";
import { findDeadlinePolicy, loadCalendar } from "../queries.js";
import { deadlinePolicies, holidays } from "../tables.js";
import { commandTestDb } from "../testing/database.js";
import { seedReferenceCalendar } from "./seed-reference-calendar.js";

const db = await commandTestDb(); // already seeded once, as every installation is at start

describe("seedReferenceCalendar", () => {
  it("holds Tunisia's eight fixed holidays, 17 December and not 14 January", async () => {
    const fixed = await db.select().from(holidays).where(eq(holidays.kind, "fixed"));
    expect(fixed.map((h) => `${h.month}-${h.day}`).sort()).toEqual(
      ["1-1", "3-20", "4-9", "5-1", "7-25", "8-13", "10-15", "12-17"].sort(),
    );
    expect(fixed.find((h) => h.month === 12)?.name).toEqual({
      ar: "عيد الثورة",
      fr: "Fête de la Révolution",
      en: "Revolution Day",
    });
  });

  it("holds the religious holidays of 2026 and 2027, two days for each Eid", async () => {
    const calendar = await loadCalendar(db, 2026, 2027);
    for (const day of ["2026-03-20", "2026-03-21", "2026-05-27", "2026-05-28", "2026-06-16", "2026-08-25"]) {
      expect(calendar.holidays.has(day), day).toBe(true);
    }
    for (const day of ["2027-03-10", "2027-03-11", "2027-05-17", "2027-05-18", "2027-06-06", "2027-08-15"]) {
      expect(calendar.holidays.has(day), day).toBe(true);
    }
    expect(calendar.holidays.has("2026-01-14")).toBe(false);
    // A complaint filed on Tuesday 26 May 2026 (14 working days) skips both days of Eid al-Adha
    // (27–28 May) and the Islamic New Year (16 June): Fri 29 May is day 1, Thu 18 June day 14.
    expect(addWorkingDays(new Date("2026-05-26T09:00:00Z"), 14, calendar).toISOString()).toBe(
      "2026-06-18T22:59:59.999Z",
    );
  });

  it("sets the national defaults, with the access-to-information law as legal basis", async () => {
    const information = await findDeadlinePolicy(db, "information", null);
    expect(information).toMatchObject({ workingDays: 20, pauseAllowed: false, source: "national" });
    expect(information?.legalBasis?.fr).toContain("2016-22");
    expect(information?.legalBasis?.ar).toContain("عدد 22 لسنة 2016");
    expect(await findDeadlinePolicy(db, "guidance", null)).toMatchObject({
      workingDays: 7,
      pauseAllowed: true,
    });
    expect(await findDeadlinePolicy(db, "suggestion", null)).toMatchObject({ workingDays: 30 });
  });

  it("runs again without adding anything, and does not bring back what admins removed or changed", async () => {
    await db.delete(holidays).where(and(eq(holidays.kind, "dated"), eq(holidays.date, "2027-06-06")));
    await db
      .update(deadlinePolicies)
      .set({ workingDays: 12 })
      .where(eq(deadlinePolicies.caseType, "complaint"));
    const [before] = await db.select({ n: count() }).from(holidays);
    await seedReferenceCalendar(db);
    await seedReferenceCalendar(db);
    const [after] = await db.select({ n: count() }).from(holidays);
    expect(after?.n).toBe(before?.n);
    expect((await loadCalendar(db, 2027, 2027)).holidays.has("2027-06-06")).toBe(false);
    expect(await findDeadlinePolicy(db, "complaint", null)).toMatchObject({ workingDays: 12 });
    const [policies] = await db.select({ n: count() }).from(deadlinePolicies);
    expect(policies?.n).toBe(5);
  });

  it("puts back a national default that is missing", async () => {
    await db.delete(deadlinePolicies).where(eq(deadlinePolicies.caseType, "notice"));
    await seedReferenceCalendar(db);
    expect(await findDeadlinePolicy(db, "notice", null)).toMatchObject({ workingDays: 14 });
  });
});
