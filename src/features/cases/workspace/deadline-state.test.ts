import { describe, expect, it } from "vitest";
import { endOfTunisDay } from "../../calendar/days.js";
import { buildCalendar, deadlineState } from "../../calendar/deadlines.js";
import { caseDeadlineState, DUE_SOON_WORKING_DAYS, dueSoonLimit } from "./deadline-state.js";

// 2026: 20 March (Friday) is Independence Day.
const cal = buildCalendar([{ kind: "fixed", month: 3, day: 20 }], 2026, 2027);
const at = (iso: string) => new Date(iso);

describe("dueSoonLimit", () => {
  it("on a Monday, makes Monday and Tuesday deadlines due soon, not Wednesday's", () => {
    const limit = dueSoonLimit(at("2026-03-09T09:00:00+01:00"), cal);
    expect(limit.toISOString()).toBe(endOfTunisDay("2026-03-10").toISOString());
  });

  it("over a weekend, counts the coming working days", () => {
    const limit = dueSoonLimit(at("2026-03-07T09:00:00+01:00"), cal); // Saturday
    expect(limit.toISOString()).toBe(endOfTunisDay("2026-03-10").toISOString());
  });

  it("skips public holidays", () => {
    const limit = dueSoonLimit(at("2026-03-19T09:00:00+01:00"), cal); // Thursday, Friday is a holiday
    expect(limit.toISOString()).toBe(endOfTunisDay("2026-03-23").toISOString());
  });

  it("agrees with the calendar's deadlineState for any due date", () => {
    const nows = [
      "2026-03-06T16:00:00+01:00",
      "2026-03-07T10:00:00+01:00",
      "2026-03-19T23:30:00+01:00",
      "2026-03-20T00:00:00+01:00",
    ];
    for (const now of nows.map(at)) {
      const limit = dueSoonLimit(now, cal);
      for (let hours = 1; hours < 24 * 21; hours += 5) {
        const due = new Date(now.getTime() + hours * 3600_000);
        const expected = deadlineState(now, due, { dueSoonWorkingDays: DUE_SOON_WORKING_DAYS }, cal);
        const ours = due.getTime() <= limit.getTime() ? "due_soon" : "on_time";
        expect(ours, `${now.toISOString()} → ${due.toISOString()}`).toBe(expected);
      }
    }
  });
});

describe("caseDeadlineState", () => {
  const now = at("2026-03-09T09:00:00+01:00");
  it("reads open requests only, paused first", () => {
    const due = endOfTunisDay("2026-03-05");
    expect(caseDeadlineState({ status: "in_progress", dueAt: due, pausedAt: null }, now, cal)).toBe(
      "overdue",
    );
    expect(caseDeadlineState({ status: "awaiting_citizen", dueAt: due, pausedAt: now }, now, cal)).toBe(
      "paused",
    );
    expect(caseDeadlineState({ status: "answered", dueAt: due, pausedAt: null }, now, cal)).toBe("none");
    expect(caseDeadlineState({ status: "new", dueAt: null, pausedAt: null }, now, cal)).toBe("none");
    expect(
      caseDeadlineState({ status: "new", dueAt: endOfTunisDay("2026-03-31"), pausedAt: null }, now, cal),
    ).toBe("on_time");
  });
});
