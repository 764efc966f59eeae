import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { findCategory, findStructureByCode, listCategories } from "../queries.js";
import { createCategory } from "./create-category.js";
import { retireCategory } from "./retire-category.js";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());
const by = { actorId: null };

describe("retireCategory", () => {
  it("retires once (kept, no longer offered), audited once", async () => {
    const tunis = (await findStructureByCode(db, "mun-tn-11"))!;
    const made = await createCategory(db, tunis, { code: "markets", nameFr: "Marchés" }, by);
    if (!made.ok) throw new Error("fixture");
    const category = (await findCategory(db, tunis.id, made.value.id))!;
    expect(await retireCategory(db, category, by)).toBe(true);
    expect(await retireCategory(db, category, by)).toBe(false);
    expect(await listCategories(db, tunis.id)).toEqual([]);
    expect((await listCategories(db, tunis.id, { includeRetired: true }))[0]?.retiredAt).toBeInstanceOf(Date);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "category.retire"), eq(auditEvents.subjectId, category.id)));
    expect(events).toHaveLength(1);
  });
});
