import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { findStructureByCode } from "../queries.js";
import { retireStructure } from "./retire-structure.js";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());
const by = { actorId: null };
const get = async (code: string) => (await findStructureByCode(db, code))!;

describe("retireStructure", () => {
  it("needs a reason of reasonable length", async () => {
    const inai = await get("inai");
    expect(await retireStructure(db, inai, { reason: "  " }, by)).toEqual({
      ok: false,
      errors: { reason: { key: "structures.errors.reasonRequired" } },
    });
    const long = await retireStructure(db, inai, { reason: "x".repeat(501) }, by);
    expect(long.ok).toBe(false);
    expect((await get("inai")).retiredAt).toBeNull();
  });

  it("refuses while active structures are still under it", async () => {
    const result = await retireStructure(db, await get("gov-tn-61"), { reason: "Merged" }, by);
    expect(result).toEqual({
      ok: false,
      errors: { reason: { key: "structures.errors.hasActiveChildren", values: { count: 1 } } },
    });
  });

  it("retires, keeping the row and its reason, audited; a second time is refused", async () => {
    const sfax = await get("mun-tn-61");
    const result = await retireStructure(db, sfax, { reason: "Merged into Greater Sfax" }, by);
    expect(result.ok).toBe(true);
    const saved = await get("mun-tn-61");
    expect(saved.retiredAt).toBeInstanceOf(Date);
    expect(saved.retiredReason).toBe("Merged into Greater Sfax");
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "structure.retire"), eq(auditEvents.subjectId, sfax.id)));
    expect(events.map((e) => e.details)).toEqual([{ code: "mun-tn-61" }]);
    expect((await retireStructure(db, saved, { reason: "Again" }, by)).ok).toBe(false);
    // Its parent has no active child left, so it may be retired now.
    expect((await retireStructure(db, await get("gov-tn-61"), { reason: "Reform" }, by)).ok).toBe(true);
  });
});
