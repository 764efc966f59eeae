import { describe, expect, it } from "vitest";
import { deadlineChain, deadlineState, dueAt, dueAtAfterTransfer, dueSoonFrom } from "./deadlines.js";
import { at, cal, endOf, noHolidays } from "./testing/calendar.js";

describe("dueAt with pauses", () => {
  const receivedAt = at("2026-01-09T18:00:00Z"); // Friday; 7 working days: due Tuesday 20 January
  const base = { receivedAt, workingDays: 7, cal: noHolidays };

  it("without pauses, is addWorkingDays", () => {
    expect(dueAt(base)).toEqual({ state: "running", dueAt: at(endOf("2026-01-20")), pausedWorkingDays: 0 });
  });

  it("moves by the working days a closed pause covered: first day in, last day out", () => {
    // Asked Monday 12 at 10:00, answered Wednesday 14 at 09:00: Monday and Tuesday covered.
    const deadline = dueAt({
      ...base,
      pauses: [{ from: at("2026-01-12T09:00:00Z"), to: at("2026-01-14T08:00:00Z") }],
    });
    expect(deadline).toEqual({ state: "running", dueAt: at(endOf("2026-01-22")), pausedWorkingDays: 2 });
  });

  it("does not move for a pause asked and answered the same day", () => {
    const deadline = dueAt({
      ...base,
      pauses: [{ from: at("2026-01-13T08:00:00Z"), to: at("2026-01-13T15:00:00Z") }],
    });
    expect(deadline.dueAt).toEqual(at(endOf("2026-01-20")));
  });

  it("does not move for a pause that covers only a weekend", () => {
    const deadline = dueAt({
      ...base,
      pauses: [{ from: at("2026-01-10T09:00:00Z"), to: at("2026-01-12T09:00:00Z") }],
    });
    expect(deadline).toMatchObject({ dueAt: at(endOf("2026-01-20")), pausedWorkingDays: 0 });
  });

  it("does not count a holiday inside a pause", () => {
    // Received Mon 16 March 2026 with 5 days; paused Thu 19 → Mon 23: Thursday covered, Friday 20 is a holiday.
    const deadline = dueAt({
      receivedAt: at("2026-03-16T09:00:00Z"),
      workingDays: 5,
      cal,
      pauses: [{ from: at("2026-03-19T09:00:00Z"), to: at("2026-03-23T09:00:00Z") }],
    });
    // Without the pause: Tue 17, Wed 18, Thu 19, Mon 23, Tue 24. With it: Thursday moves to Wed 25.
    expect(deadline).toMatchObject({ dueAt: at(endOf("2026-03-25")), pausedWorkingDays: 1 });
  });

  it("counts each day once when pauses overlap", () => {
    const deadline = dueAt({
      ...base,
      pauses: [
        { from: at("2026-01-12T09:00:00Z"), to: at("2026-01-14T08:00:00Z") },
        { from: at("2026-01-13T09:00:00Z"), to: at("2026-01-15T08:00:00Z") },
      ],
    });
    expect(deadline).toMatchObject({ dueAt: at(endOf("2026-01-23")), pausedWorkingDays: 3 });
  });

  it("never counts the day of arrival, paused or not", () => {
    const deadline = dueAt({
      ...base,
      pauses: [{ from: at("2026-01-09T19:00:00Z"), to: at("2026-01-12T08:00:00Z") }],
    });
    expect(deadline).toMatchObject({ dueAt: at(endOf("2026-01-20")), pausedWorkingDays: 0 });
  });

  it("ignores a closed pause that started after the due day: the request stays late", () => {
    const deadline = dueAt({
      ...base,
      pauses: [{ from: at("2026-01-21T09:00:00Z"), to: at("2026-01-26T09:00:00Z") }],
    });
    expect(deadline.dueAt).toEqual(at(endOf("2026-01-20")));
  });

  it("has no running deadline while a pause is open", () => {
    const from = at("2026-01-14T09:00:00Z");
    const deadline = dueAt({
      ...base,
      pauses: [
        { from: at("2026-01-12T09:00:00Z"), to: at("2026-01-13T09:00:00Z") },
        { from, to: null },
      ],
    });
    expect(deadline).toEqual({ state: "paused", dueAt: null, pausedSince: from, pausedWorkingDays: 1 });
    expect(deadlineState(at("2026-03-01T09:00:00Z"), deadline.dueAt, {}, noHolidays)).toBe("paused");
  });

  it("stops the clock for a question asked on the due day itself", () => {
    const deadline = dueAt({ ...base, pauses: [{ from: at("2026-01-20T15:00:00Z"), to: null }] });
    expect(deadline.state).toBe("paused");
  });

  it("does not stop a clock that has already run out: an open pause after the due day leaves it overdue", () => {
    const deadline = dueAt({ ...base, pauses: [{ from: at("2026-01-22T09:00:00Z"), to: null }] });
    expect(deadline).toMatchObject({ state: "running", dueAt: at(endOf("2026-01-20")) });
    expect(deadlineState(at("2026-01-22T10:00:00Z"), deadline.dueAt, {}, noHolidays)).toBe("overdue");
  });

  it("ignores pauses, open or closed, when the policy does not allow them", () => {
    const deadline = dueAt({
      ...base,
      pauseAllowed: false,
      pauses: [
        { from: at("2026-01-12T09:00:00Z"), to: at("2026-01-14T08:00:00Z") },
        { from: at("2026-01-15T09:00:00Z"), to: null },
      ],
    });
    expect(deadline).toEqual({ state: "running", dueAt: at(endOf("2026-01-20")), pausedWorkingDays: 0 });
  });
});

describe("transfers", () => {
  const received = at("2026-01-09T18:00:00Z"); // Friday

  it("gives the receiving structure its own full deadline from the day of the transfer", () => {
    // Transferred Wednesday 14 with 14 working days: Thursday 15 is day 1, Tuesday 3 February day 14.
    const deadline = dueAtAfterTransfer({ transferredAt: at("2026-01-14T10:00:00Z"), workingDays: 14, cal });
    expect(deadline).toMatchObject({ state: "running", dueAt: at(endOf("2026-02-03")) });
  });

  it("keeps each structure's deadline in the chain and says whether the request was passed on in time", () => {
    const chain = deadlineChain({
      cal,
      legs: [
        { startedAt: received, workingDays: 7 }, // due 20 January
        { startedAt: at("2026-01-21T10:00:00Z"), workingDays: 5 }, // passed on a day late
        { startedAt: at("2026-01-23T10:00:00Z"), workingDays: 20, pauseAllowed: false },
      ],
    });
    expect(chain.legs.map((l) => [l.deadline.dueAt?.toISOString(), l.transferredInTime])).toEqual([
      [endOf("2026-01-20"), false],
      [endOf("2026-01-28"), true],
      [endOf("2026-02-20"), null],
    ]);
    expect(chain.current).toBe(chain.legs[2]!.deadline);
    expect(chain.legs[1]!.endedAt).toEqual(at("2026-01-23T10:00:00Z"));
    expect(deadlineState(at("2026-01-26T10:00:00Z"), chain.current.dueAt, {}, cal)).toBe("on_time");
  });

  it("pauses both structures for a question that spans the transfer", () => {
    // Asked Tue 13, transferred Wed 14, answered Fri 16.
    const chain = deadlineChain({
      cal,
      pauses: [{ from: at("2026-01-13T09:00:00Z"), to: at("2026-01-16T09:00:00Z") }],
      legs: [
        { startedAt: received, workingDays: 7 },
        { startedAt: at("2026-01-14T10:00:00Z"), workingDays: 14 },
      ],
    });
    expect(chain.legs[0]!.deadline.state).toBe("paused"); // it was waiting for the citizen when it left
    expect(chain.legs[0]!.transferredInTime).toBe(true);
    // Thursday 15 is covered, so the 14 days run Fri 16 … Wed 4 February.
    expect(chain.current).toMatchObject({
      state: "running",
      dueAt: at(endOf("2026-02-04")),
      pausedWorkingDays: 1,
    });
  });

  it("does not charge the structure that passed the request on with pauses after it left", () => {
    const chain = deadlineChain({
      cal,
      pauses: [{ from: at("2026-01-19T09:00:00Z"), to: null }],
      legs: [
        { startedAt: received, workingDays: 7 },
        { startedAt: at("2026-01-14T10:00:00Z"), workingDays: 14 },
      ],
    });
    expect(chain.legs[0]!.deadline).toMatchObject({ state: "running", dueAt: at(endOf("2026-01-20")) });
    expect(chain.current.state).toBe("paused");
  });

  it("needs at least one leg", () => {
    expect(() => deadlineChain({ cal, legs: [] })).toThrow(RangeError);
  });
});

describe("deadlineState", () => {
  const due = at(endOf("2026-01-20")); // Tuesday

  it("is on time until fewer than 2 working days are left, counting today", () => {
    expect(deadlineState(at("2026-01-16T12:00:00Z"), due, {}, noHolidays)).toBe("on_time"); // Fri: Fri, Mon, Tue
    expect(deadlineState(at("2026-01-16T22:59:59Z"), due, {}, noHolidays)).toBe("on_time");
    expect(deadlineState(at("2026-01-16T23:00:00Z"), due, {}, noHolidays)).toBe("due_soon"); // Sat 00:00 Tunis
    expect(deadlineState(at("2026-01-19T08:00:00Z"), due, {}, noHolidays)).toBe("due_soon");
  });

  it("is due soon until the very end of the due day, then overdue", () => {
    expect(deadlineState(due, due, {}, noHolidays)).toBe("due_soon");
    expect(deadlineState(new Date(due.getTime() + 1), due, {}, noHolidays)).toBe("overdue");
  });

  it("honours another due-soon window, and none at 0", () => {
    expect(deadlineState(at("2026-01-16T12:00:00Z"), due, { dueSoonWorkingDays: 3 }, noHolidays)).toBe(
      "due_soon",
    );
    expect(deadlineState(at("2026-01-20T12:00:00Z"), due, { dueSoonWorkingDays: 0 }, noHolidays)).toBe(
      "on_time",
    );
  });

  it("skips holidays when counting the days left", () => {
    // Due Monday 23 March 2026; Friday 20 is a holiday: from Thursday 19, Thursday and Monday are left.
    const monday = at(endOf("2026-03-23"));
    expect(dueSoonFrom(monday, 2, cal).toISOString()).toBe("2026-03-18T23:00:00.000Z");
    expect(deadlineState(at("2026-03-18T12:00:00Z"), monday, {}, cal)).toBe("on_time");
    expect(deadlineState(at("2026-03-19T08:00:00Z"), monday, {}, cal)).toBe("due_soon");
  });

  it("is paused without a due date", () => {
    expect(deadlineState(at("2026-01-16T12:00:00Z"), null, {}, noHolidays)).toBe("paused");
  });
});
