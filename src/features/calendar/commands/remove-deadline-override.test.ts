import { describe, expect, it } from "vitest";
import { findDeadlinePolicy, findPolicy } from "../queries.js";
import { auditOf, commandTestDb, structureId } from "../testing/database.js";
import { removeDeadlineOverride } from "./remove-deadline-override.js";
import { setDeadlinePolicy } from "./set-deadline-policy.js";

const db = await commandTestDb();
const tunis = await structureId(db, "gov-tn-11");

describe("removeDeadlineOverride", () => {
  it("puts the structure back on the national default, and audits it", async () => {
    await setDeadlinePolicy(
      db,
      { caseType: "notice", structure: tunis, workingDays: "9", pauseAllowed: "yes" },
      {},
    );
    const override = (await findPolicy(db, "notice", tunis))!;
    await removeDeadlineOverride(db, override, {});
    expect(await findDeadlinePolicy(db, "notice", tunis)).toMatchObject({
      workingDays: 14,
      source: "national",
    });
    const [event] = await auditOf(db, "deadline_policy.delete", override.id);
    expect(event).toMatchObject({ structureId: tunis, details: { caseType: "notice", workingDays: 9 } });
  });

  it("never removes a national default", async () => {
    const national = (await findPolicy(db, "notice", null))!;
    await expect(removeDeadlineOverride(db, national, {})).rejects.toThrow(RangeError);
    expect(await findPolicy(db, "notice", null)).not.toBeNull();
  });
});
