import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { findStructureByCode, listCategories } from "../queries.js";
import { createCategory } from "./create-category.js";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());
const by = { actorId: null };

describe("createCategory", () => {
  it("adds a category with a code unique within its structure, audited", async () => {
    const tunis = (await findStructureByCode(db, "mun-tn-11"))!;
    const sfax = (await findStructureByCode(db, "mun-tn-61"))!;
    const result = await createCategory(
      db,
      tunis,
      { code: "Waste-Collection", nameFr: "Collecte des déchets" },
      by,
    );
    expect(result.ok).toBe(true);
    expect((await listCategories(db, tunis.id)).map((c) => c.code)).toEqual(["waste-collection"]);
    expect((await createCategory(db, sfax, { code: "waste-collection", nameFr: "Déchets" }, by)).ok).toBe(
      true,
    );
    expect(await createCategory(db, tunis, { code: "waste-collection", nameEn: "Again" }, by)).toEqual({
      ok: false,
      errors: { code: { key: "structures.errors.categoryCodeTaken" } },
    });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "category.create"), eq(auditEvents.structureId, tunis.id)));
    expect(events.map((e) => e.details)).toEqual([{ code: "waste-collection" }]);
  });

  it("refuses a bad code and missing names", async () => {
    const tunis = (await findStructureByCode(db, "mun-tn-11"))!;
    const result = await createCategory(db, tunis, { code: "x" }, by);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["code", "nameAr"]);
  });
});
