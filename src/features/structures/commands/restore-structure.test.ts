import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { findStructureByCode } from "../queries.js";
import { restoreStructure } from "./restore-structure.js";
import { retireStructure } from "./retire-structure.js";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());
const by = { actorId: null };
const get = async (code: string) => (await findStructureByCode(db, code))!;

describe("restoreStructure", () => {
  it("refuses a structure that is not retired", async () => {
    expect(await restoreStructure(db, await get("inai"), by)).toEqual({
      ok: false,
      errors: { restore: { key: "structures.errors.notRetired" } },
    });
  });

  it("refuses while its parent is retired, then restores once the parent is back", async () => {
    await retireStructure(db, await get("mun-tn-83"), { reason: "Test" }, by);
    await retireStructure(db, await get("gov-tn-83"), { reason: "Test" }, by);
    expect(await restoreStructure(db, await get("mun-tn-83"), by)).toEqual({
      ok: false,
      errors: { restore: { key: "structures.errors.parentRetired" } },
    });
    expect((await restoreStructure(db, await get("gov-tn-83"), by)).ok).toBe(true);
    expect((await restoreStructure(db, await get("mun-tn-83"), by)).ok).toBe(true);
    const saved = await get("mun-tn-83");
    expect(saved.retiredAt).toBeNull();
    expect(saved.retiredReason).toBeNull();
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "structure.restore"), eq(auditEvents.subjectId, saved.id)));
    expect(events).toHaveLength(1);
  });
});
