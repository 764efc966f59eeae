import { describe, expect, it } from "vitest";
import { setDeadlinePolicy } from "./commands/set-deadline-policy.js";
import { addWorkingDays, dueAt } from "./deadlines.js";
import { findDeadlinePolicy, listHolidays, loadCalendar, loadCalendarFor } from "./queries.js";
import { commandTestDb, structureId } from "./testing/database.js";

const db = await commandTestDb();
const tunis = await structureId(db, "gov-tn-11");
const ariana = await structureId(db, "gov-tn-12");

describe("loadCalendar", () => {
  it("expands fixed holidays to every year asked for and keeps dated ones to their year", async () => {
    const calendar = await loadCalendar(db, 2028, 2029);
    expect(calendar.weekend).toEqual([6, 7]);
    expect(calendar.holidays.has("2028-03-20")).toBe(true);
    expect(calendar.holidays.has("2029-12-17")).toBe(true);
    expect(calendar.holidays.has("2026-05-27")).toBe(false);
    expect(calendar.holidays.size).toBe(16);
  });

  it("covers the year of a moment in Tunis and the next one", async () => {
    // 23:30 UTC on 31 December 2026 is already 2027 in Tunis.
    const calendar = await loadCalendarFor(db, new Date("2026-12-31T23:30:00Z"));
    expect(calendar.holidays.has("2027-03-10")).toBe(true);
    expect(calendar.holidays.has("2028-01-01")).toBe(true);
    expect(calendar.holidays.has("2026-05-27")).toBe(false);
  });

  it("gives the cases feature what it needs: a deadline over the new year", async () => {
    const calendar = await loadCalendarFor(db, new Date("2026-12-24T10:00:00Z"));
    // Thu 24 Dec 2026 + 7: 25, 28, 29, 30, 31 Dec, (1 Jan off), 4 and 5 January 2027.
    expect(addWorkingDays(new Date("2026-12-24T10:00:00Z"), 7, calendar).toISOString()).toBe(
      "2027-01-05T22:59:59.999Z",
    );
  });
});

describe("listHolidays", () => {
  it("lists a year's dated holidays with every fixed one", async () => {
    const rows = await listHolidays(db, 2026);
    expect(rows.filter((h) => h.kind === "fixed")).toHaveLength(8);
    expect(rows.filter((h) => h.kind === "dated").map((h) => h.date)).toEqual([
      "2026-03-20",
      "2026-03-21",
      "2026-05-27",
      "2026-05-28",
      "2026-06-16",
      "2026-08-25",
    ]);
  });
});

describe("findDeadlinePolicy", () => {
  it("gives the national default with its legal basis when the structure has no override", async () => {
    expect(await findDeadlinePolicy(db, "information", tunis)).toMatchObject({
      caseType: "information",
      workingDays: 20,
      pauseAllowed: false,
      source: "national",
      legalBasis: { en: expect.stringContaining("Organic Law No. 2016-22") },
    });
  });

  it("gives the structure's override when it has one, to that structure only", async () => {
    await setDeadlinePolicy(
      db,
      { caseType: "complaint", structure: tunis, workingDays: "8", pauseAllowed: "no" },
      {},
    );
    const policy = await findDeadlinePolicy(db, "complaint", tunis);
    expect(policy).toMatchObject({
      workingDays: 8,
      pauseAllowed: false,
      source: "structure",
      legalBasis: null,
    });
    expect(await findDeadlinePolicy(db, "complaint", ariana)).toMatchObject({
      workingDays: 14,
      source: "national",
    });
    // What cases do with it:
    const deadline = dueAt({
      receivedAt: new Date("2026-01-09T18:00:00Z"),
      workingDays: policy!.workingDays,
      pauseAllowed: policy!.pauseAllowed,
      pauses: [{ from: new Date("2026-01-12T09:00:00Z"), to: null }],
      cal: await loadCalendar(db, 2026, 2027),
    });
    expect(deadline).toMatchObject({ state: "running", dueAt: new Date("2026-01-21T22:59:59.999Z") });
  });

  it("reads a missing or forged structure id as the national default, never a database error", async () => {
    expect(await findDeadlinePolicy(db, "complaint", null)).toMatchObject({ workingDays: 14 });
    expect(await findDeadlinePolicy(db, "complaint", "1 or 1=1")).toMatchObject({ workingDays: 14 });
    expect(await findDeadlinePolicy(db, "complaint", "00000000-0000-0000-0000-000000000000")).toMatchObject({
      source: "national",
    });
  });
});
