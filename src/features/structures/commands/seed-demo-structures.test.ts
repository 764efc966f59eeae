import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { toE164 } from "../../../core/forms.js";
import { findStructureByCode, listCategories } from "../queries.js";
import { seedDemoStructures } from "./seed-demo-structures.js";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());

describe("seedDemoStructures", () => {
  it("adds request categories in three languages and fictional contact details, once", async () => {
    const lines = await seedDemoStructures(db);
    expect(lines.join("\n")).toContain("request categories");
    const tunis = (await findStructureByCode(db, "mun-tn-11"))!;
    const categories = await listCategories(db, tunis.id);
    expect(categories.map((c) => c.name.en).sort()).toEqual([
      "Building permits",
      "Public lighting",
      "Roads and pavements",
      "Waste collection",
    ]);
    for (const c of categories) expect(Object.keys(c.name).sort()).toEqual(["ar", "en", "fr"]);
    const interior = (await findStructureByCode(db, "min-interior"))!;
    expect((await listCategories(db, interior.id)).map((c) => c.code).sort()).toEqual([
      "national-id-card",
      "passports",
    ]);
    expect(tunis.contact.email).toMatch(/@[a-z-]+\.example\.tn$/);
    expect(toE164(tunis.contact.phone!)).toBe(tunis.contact.phone);
    expect(tunis.contact.address).toBeDefined();

    expect(await seedDemoStructures(db)).toEqual([]);
    expect(await listCategories(db, tunis.id)).toHaveLength(4);
  });
});
