import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { findCategory, findStructureByCode } from "../queries.js";
import { createCategory } from "./create-category.js";
import { updateCategory } from "./update-category.js";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());
const by = { actorId: null };

describe("updateCategory", () => {
  it("renames a category, keeps its code, and tells when nothing changed", async () => {
    const tunis = (await findStructureByCode(db, "mun-tn-11"))!;
    const made = await createCategory(db, tunis, { code: "lighting", nameFr: "Éclairage" }, by);
    if (!made.ok) throw new Error("fixture");
    const category = (await findCategory(db, tunis.id, made.value.id))!;
    const input = { nameAr: "التنوير العمومي", nameFr: "Éclairage public", nameEn: "Public lighting" };
    expect(await updateCategory(db, category, input, by)).toEqual({ ok: true, value: { changed: true } });
    const renamed = (await findCategory(db, tunis.id, category.id))!;
    expect(renamed).toMatchObject({
      code: "lighting",
      name: { ar: "التنوير العمومي", fr: "Éclairage public", en: "Public lighting" },
    });
    expect(await updateCategory(db, renamed, input, by)).toEqual({ ok: true, value: { changed: false } });
    expect((await updateCategory(db, renamed, { nameFr: "" }, by)).ok).toBe(false);
  });
});
