import { describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/databases.js";
import { computeDueAt, dueAtWithPauses } from "./deadline.js";
import { findStructureByCode } from "./queries.js";

const database = await openTestDatabase();

describe("computeDueAt", () => {
  it("counts the national default in working days, skipping the weekend and public holidays", async () => {
    const tunis = (await findStructureByCode(database.db, "mun-tn-11"))!;
    // Friday 9 January 2026, guidance: 7 working days → Tuesday 20 January, end of day in Tunis.
    const due = await computeDueAt(database.db, "guidance", tunis.id, new Date("2026-01-09T10:00:00+01:00"));
    expect(due?.toISOString()).toBe("2026-01-20T22:59:59.999Z");
    // Thursday 19 March 2026, guidance: Independence Day and Eid (20–21 March) and the weekend are skipped.
    const aroundEid = await computeDueAt(
      database.db,
      "guidance",
      tunis.id,
      new Date("2026-03-19T10:00:00+01:00"),
    );
    expect(aroundEid?.toISOString()).toBe("2026-03-31T22:59:59.999Z");
  });

  it("gives access-to-information requests the law's 20 calendar days, not working days", async () => {
    const health = (await findStructureByCode(database.db, "min-health"))!;
    const due = await computeDueAt(
      database.db,
      "information",
      health.id,
      new Date("2026-01-05T09:00:00+01:00"),
    );
    // Monday 5 January 2026 + 20 days: Sunday 25 January (a weekend day is not carried over).
    expect(due?.toISOString()).toBe("2026-01-25T22:59:59.999Z");
  });

  it("pushes the deadline back by the working days the clock was paused for the citizen", async () => {
    const tunis = (await findStructureByCode(database.db, "mun-tn-11"))!;
    const row = {
      type: "guidance" as const,
      structureId: tunis.id,
      clockStartedAt: new Date("2026-01-05T09:00:00+01:00"),
    };
    expect((await dueAtWithPauses(database.db, row, []))?.toISOString()).toBe("2026-01-14T22:59:59.999Z");
    // Asked on Tuesday 6, answered on Thursday 8: Tuesday and Wednesday do not count.
    const pause = { from: new Date("2026-01-06T11:00:00+01:00"), to: new Date("2026-01-08T15:00:00+01:00") };
    expect((await dueAtWithPauses(database.db, row, [pause]))?.toISOString()).toBe(
      "2026-01-16T22:59:59.999Z",
    );
  });
});
