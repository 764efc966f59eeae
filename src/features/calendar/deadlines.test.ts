import { afterEach, describe, expect, it } from "vitest";
import { shiftDay, startOfTunisDay, tunisDay } from "./days.js";
import {
  addWorkingDays,
  buildCalendar,
  type Calendar,
  deadlineState,
  isWorkingDay,
  workingDaysBetween,
} from "./deadlines.js";
import { at, cal, endOf, isoWeekday, noHolidays } from "./testing/calendar.js";

describe("isWorkingDay", () => {
  it("is false on Saturdays and Sundays, true on other days without a holiday", () => {
    expect(isWorkingDay("2026-01-10", cal)).toBe(false);
    expect(isWorkingDay("2026-01-11", cal)).toBe(false);
    expect(isWorkingDay("2026-01-12", cal)).toBe(true);
  });

  it("is false on fixed and dated holidays", () => {
    expect(isWorkingDay("2026-04-09", cal)).toBe(false); // Martyrs' Day, a Thursday
    expect(isWorkingDay("2027-04-09", cal)).toBe(false); // the same day the next year
    expect(isWorkingDay("2026-05-27", cal)).toBe(false); // Eid al-Adha
    expect(isWorkingDay("2027-05-27", cal)).toBe(true); // a dated holiday does not recur
  });

  it("takes the day in Tunis, whatever the moment's UTC date", () => {
    expect(isWorkingDay(at("2026-01-09T22:30:00Z"), cal)).toBe(true); // Friday 23:30 in Tunis
    expect(isWorkingDay(at("2026-01-09T23:30:00Z"), cal)).toBe(false); // Saturday 00:30 in Tunis
  });

  it("refuses a malformed day instead of guessing", () => {
    expect(() => isWorkingDay("2026-02-30", cal)).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it("does not count the day of arrival: filed Friday evening with 7 days, due Tuesday week end of day", () => {
    const due = addWorkingDays(at("2026-01-09T18:00:00Z"), 7, noHolidays);
    expect(due.toISOString()).toBe(endOf("2026-01-20"));
    expect(tunisDay(due)).toBe("2026-01-20");
    expect(isoWeekday(tunisDay(due))).toBe(2);
  });

  it("counts from the Tunis day: 00:30 on Friday in Tunis is still Thursday in UTC", () => {
    expect(addWorkingDays(at("2026-01-08T22:30:00Z"), 1, cal).toISOString()).toBe(endOf("2026-01-09"));
    expect(addWorkingDays(at("2026-01-08T23:30:00Z"), 1, cal).toISOString()).toBe(endOf("2026-01-12"));
  });

  it("starts counting on the next working day when filed on a weekend", () => {
    expect(addWorkingDays(at("2026-01-10T10:00:00Z"), 1, cal).toISOString()).toBe(endOf("2026-01-12"));
  });

  it("skips fixed holidays", () => {
    // Wed 18 March: Thu 19 (1), Fri 20 Independence Day, weekend, Mon 23 (2), Tue 24 (3).
    expect(addWorkingDays(at("2026-03-18T09:00:00Z"), 3, cal).toISOString()).toBe(endOf("2026-03-24"));
  });

  it("skips dated holidays", () => {
    // Tue 26 May: Eid al-Adha Wed 27 and Thu 28, Fri 29 (1), Mon 1 June (2).
    expect(addWorkingDays(at("2026-05-26T09:00:00Z"), 2, cal).toISOString()).toBe(endOf("2026-06-01"));
  });

  it("gives nothing back for a holiday on a weekend (no day off in lieu)", () => {
    // Republic Day, 25 July 2026, is a Saturday: Friday 24 + 1 is Monday 27, as without it.
    expect(addWorkingDays(at("2026-07-24T09:00:00Z"), 1, cal).toISOString()).toBe(endOf("2026-07-27"));
    expect(addWorkingDays(at("2026-07-24T09:00:00Z"), 1, noHolidays).toISOString()).toBe(endOf("2026-07-27"));
    // Eid al-Fitr's second day, 21 March 2026, is a Saturday too.
    expect(addWorkingDays(at("2026-03-19T09:00:00Z"), 1, cal).toISOString()).toBe(endOf("2026-03-23"));
  });

  it("crosses year boundaries, with New Year's Day off", () => {
    expect(addWorkingDays(at("2025-12-31T09:00:00Z"), 1, cal).toISOString()).toBe(endOf("2026-01-02"));
    // Wed 30 Dec 2026: Thu 31 (1), Fri 1 Jan 2027 off, Mon 4 (2), Tue 5 (3).
    expect(addWorkingDays(at("2026-12-30T09:00:00Z"), 3, cal).toISOString()).toBe(endOf("2027-01-05"));
    // Filed at 23:30 on 31 December in Tunis: that is 2026 in UTC but the day counted is 31 December.
    expect(addWorkingDays(at("2026-12-31T22:30:00Z"), 1, cal).toISOString()).toBe(endOf("2027-01-04"));
  });

  it("gives the end of the same day for 0 and refuses negative or fractional counts", () => {
    expect(addWorkingDays(at("2026-01-09T08:00:00Z"), 0, cal).toISOString()).toBe(endOf("2026-01-09"));
    expect(() => addWorkingDays(at("2026-01-09T08:00:00Z"), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(at("2026-01-09T08:00:00Z"), 1.5, cal)).toThrow(RangeError);
  });

  it("stops instead of looping forever on a calendar without working days", () => {
    const never: Calendar = { weekend: [1, 2, 3, 4, 5, 6, 7], holidays: new Set() };
    expect(() => addWorkingDays(at("2026-01-09T08:00:00Z"), 1, never)).toThrow(RangeError);
  });
});

describe("the server's time zone does not matter", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it("gives the same answers in UTC, Los Angeles, Kiritimati (UTC+14) and Tunis", () => {
    const results = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Africa/Tunis"].map((zone) => {
      process.env.TZ = zone;
      // The switch took effect: local clocks now read differently.
      expect(at("2026-01-01T00:00:00Z").getHours()).toBe(
        { UTC: 0, "America/Los_Angeles": 16, "Pacific/Kiritimati": 14, "Africa/Tunis": 1 }[zone],
      );
      return [
        addWorkingDays(at("2026-01-08T23:30:00Z"), 7, cal).toISOString(),
        addWorkingDays(at("2026-12-31T22:30:00Z"), 3, cal).toISOString(),
        isWorkingDay(at("2026-01-09T23:30:00Z"), cal),
        workingDaysBetween(at("2026-03-19T23:30:00Z"), at("2026-03-23T10:00:00Z"), cal),
        deadlineState(at("2026-01-16T23:00:00Z"), at(endOf("2026-01-20")), {}, cal),
      ];
    });
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]).toEqual([endOf("2026-01-20"), endOf("2027-01-06"), false, 1, "due_soon"]);
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the first day up to and including the last", () => {
    expect(workingDaysBetween(at("2026-01-09T08:00:00Z"), at("2026-01-12T08:00:00Z"), cal)).toBe(1); // Fri → Mon
    expect(workingDaysBetween(at("2026-01-12T08:00:00Z"), at("2026-01-12T16:00:00Z"), cal)).toBe(0); // same day
    expect(workingDaysBetween(at("2026-01-12T08:00:00Z"), at("2026-01-09T08:00:00Z"), cal)).toBe(0); // backwards
    expect(workingDaysBetween(at("2025-12-30T08:00:00Z"), at("2026-01-05T08:00:00Z"), cal)).toBe(3); // 31, 2, 5
    expect(workingDaysBetween(at("2026-03-19T08:00:00Z"), at("2026-03-23T08:00:00Z"), cal)).toBe(1);
  });

  it("is the inverse of addWorkingDays, from every day of 2026", () => {
    for (let day = "2026-01-01"; day < "2027-01-01"; day = shiftDay(day, 1)) {
      const start = new Date(startOfTunisDay(day).getTime() + 10 * 3600_000);
      for (const n of [1, 7, 14, 20, 30]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
      }
    }
  });
});

describe("buildCalendar", () => {
  it("repeats fixed holidays every year of the range and keeps dated ones in range only", () => {
    const built = buildCalendar(
      [
        { kind: "fixed", month: 12, day: 17 },
        { kind: "dated", date: "2026-06-16" },
        { kind: "dated", date: "2030-01-02" },
      ],
      2026,
      2027,
    );
    expect([...built.holidays].sort()).toEqual(["2026-06-16", "2026-12-17", "2027-12-17"]);
    expect(built.weekend).toEqual([6, 7]);
  });

  it("places 29 February only in leap years", () => {
    const built = buildCalendar([{ kind: "fixed", month: 2, day: 29 }], 2027, 2028);
    expect([...built.holidays]).toEqual(["2028-02-29"]);
  });
});
