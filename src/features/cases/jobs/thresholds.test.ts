import { describe, expect, it } from "vitest";
import { endOfTunisDay, shiftDay } from "../../calendar/days.js";
import { workingDaysBetween } from "../../calendar/deadlines.js";
import { at, cal, endOf } from "../../calendar/testing/calendar.js";
import { escalationThresholds, startOfWorkingDayBack } from "./thresholds.js";

describe("the deadline job's thresholds", () => {
  it("remind once at most one working day is left after today", () => {
    // Monday 16 March 2026, 00:01 in Tunis: requests due by the end of Tuesday 17.
    expect(escalationThresholds(at("2026-03-15T23:01:00Z"), cal).remindUntil.toISOString()).toBe(
      endOf("2026-03-17"),
    );
    // Thursday 19 March: Friday 20 is Independence Day and Eid, so the next working day is Monday 23.
    expect(escalationThresholds(at("2026-03-19T10:00:00Z"), cal).remindUntil.toISOString()).toBe(
      endOf("2026-03-23"),
    );
    // Saturday 14 March: by the end of Monday 16.
    expect(escalationThresholds(at("2026-03-14T10:00:00Z"), cal).remindUntil.toISOString()).toBe(
      endOf("2026-03-16"),
    );
  });

  it("send to the central office once more than three working days have passed since the due day", () => {
    // Due on Tuesday 17 March: Wed 18, Thu 19 and Mon 23 are the three working days after it
    // (Friday 20 is a holiday), so it goes up on Tuesday 24 from midnight in Tunis.
    const due = new Date(endOf("2026-03-17"));
    const goesUp = (iso: string) =>
      due.getTime() < escalationThresholds(at(iso), cal).centralOfficeBefore.getTime();
    expect(goesUp("2026-03-20T12:00:00Z")).toBe(false);
    expect(goesUp("2026-03-23T22:59:59Z")).toBe(false);
    expect(goesUp("2026-03-23T23:00:00Z")).toBe(true);
  });

  it("agree with workingDaysBetween for every due day and moment of a year", () => {
    for (let d = 0; d < 366; d += 1) {
      const now = endOfTunisDay(shiftDay("2026-01-01", d));
      const noon = new Date(now.getTime() - 11 * 3600_000);
      for (const moment of [noon, now]) {
        for (const n of [1, 4]) {
          const limit = startOfWorkingDayBack(moment, n, cal).getTime();
          for (let back = 0; back < 14; back++) {
            const dueAt = endOfTunisDay(shiftDay("2026-01-01", d - back));
            expect(dueAt.getTime() < limit, `${moment.toISOString()} n=${n} back=${back}`).toBe(
              workingDaysBetween(dueAt, moment, cal) >= n,
            );
          }
        }
      }
    }
  });

  it("refuse a count that is not a positive whole number", () => {
    expect(() => startOfWorkingDayBack(at("2026-03-18T10:00:00Z"), 0, cal)).toThrow(RangeError);
    expect(() => startOfWorkingDayBack(at("2026-03-18T10:00:00Z"), 1.5, cal)).toThrow(RangeError);
  });
});
