import { describe, expect, it } from "vitest";
import {
  dayFromNumber,
  dayNumber,
  endOfTunisDay,
  isDay,
  shiftDay,
  startOfTunisDay,
  tunisDay,
  weekdayOfNumber,
} from "./days.js";
import { at, isoWeekday } from "./testing/calendar.js";

describe("days in Tunis", () => {
  it("reads a moment as the day it is on clocks in Tunis, not in UTC", () => {
    expect(tunisDay(at("2026-01-08T22:59:59Z"))).toBe("2026-01-08");
    expect(tunisDay(at("2026-01-08T23:00:00Z"))).toBe("2026-01-09");
    expect(tunisDay(at("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(tunisDay(at("2026-01-08T22:59:59.999Z"))).toBe("2026-01-08");
    expect(tunisDay(at("1969-12-31T23:00:00Z"))).toBe("1970-01-01");
    expect(() => tunisDay(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("starts and ends a day at Tunis midnight, in winter and in summer alike (no DST)", () => {
    expect(startOfTunisDay("2026-01-09").toISOString()).toBe("2026-01-08T23:00:00.000Z");
    expect(endOfTunisDay("2026-01-09").toISOString()).toBe("2026-01-09T22:59:59.999Z");
    expect(endOfTunisDay("2026-07-27").toISOString()).toBe("2026-07-27T22:59:59.999Z");
    expect(endOfTunisDay("2026-03-29").toISOString()).toBe("2026-03-29T22:59:59.999Z"); // Europe's DST day
  });

  it("does calendar arithmetic across months, leap days and years", () => {
    expect(shiftDay("2028-02-28", 1)).toBe("2028-02-29");
    expect(shiftDay("2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftDay("2026-01-01", -1)).toBe("2025-12-31");
    expect(isoWeekday("2026-01-10")).toBe(6);
    expect(isoWeekday("2026-01-11")).toBe(7);
    expect(isoWeekday("2026-01-12")).toBe(1);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-1-5")).toBe(false);
  });

  it("numbers days consistently with their names and weekdays, before 1970 too", () => {
    for (let day = "1969-12-25"; day < "1970-01-10"; day = shiftDay(day, 1)) {
      expect(dayFromNumber(dayNumber(day))).toBe(day);
      expect(weekdayOfNumber(dayNumber(day))).toBe(isoWeekday(day));
    }
    expect(dayNumber("2026-03-01") - dayNumber("2026-02-28")).toBe(1);
    expect(weekdayOfNumber(dayNumber("2026-01-09"))).toBe(5);
  });
});
