import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { structures } from "../../../core/structures/tables.js";
import { findStructureByCode } from "../queries.js";
import { createStructure } from "./create-structure.js";
import { isSelfOrDescendant, moveStructure } from "./move-structure.js";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());
const by = { actorId: null };
const get = async (code: string) => (await findStructureByCode(db, code))!;

describe("moveStructure", () => {
  it("refuses to put a structure under itself or anything below it", async () => {
    const interior = await get("min-interior");
    const municipality = await get("mun-tn-61");
    expect(await isSelfOrDescendant(db, interior.id, municipality.id)).toBe(true);
    for (const target of [interior, await get("gov-tn-61"), municipality]) {
      const result = await moveStructure(db, interior, { parentId: target.id }, by);
      expect(result).toEqual({ ok: false, errors: { parentId: { key: "structures.errors.moveCycle" } } });
    }
    expect((await get("min-interior")).parentId).toBe((await get("pg")).id);
  });

  it("moves a structure, with everything below it, and audits where from and where to", async () => {
    const parent = await get("gov-tn-61");
    await createStructure(
      db,
      { code: "arr-sfax", kind: "municipality", parentId: parent.id, nameFr: "Arrondissement" },
      by,
    );
    const target = await get("gov-tn-51");
    const result = await moveStructure(db, await get("gov-tn-61"), { parentId: target.id }, by);
    expect(result).toEqual({ ok: true, value: { moved: true } });
    expect((await get("gov-tn-61")).parentId).toBe(target.id);
    expect((await get("arr-sfax")).parentId).toBe(parent.id);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "structure.move"), eq(auditEvents.subjectId, parent.id)));
    expect(event?.details).toMatchObject({ from: (await get("min-interior")).id, to: target.id });
  });

  it("moves to the top of the tree, does nothing when the parent is the same, and refuses unknown or retired parents", async () => {
    const bcrc = await get("bcrc");
    expect(await moveStructure(db, bcrc, { parentId: bcrc.parentId! }, by)).toEqual({
      ok: true,
      value: { moved: false },
    });
    expect(await moveStructure(db, bcrc, { parentId: "" }, by)).toEqual({ ok: true, value: { moved: true } });
    expect((await get("bcrc")).parentId).toBeNull();
    const retired = await get("inlucc");
    await db.update(structures).set({ retiredAt: new Date() }).where(eq(structures.id, retired.id));
    for (const parentId of [retired.id, "0190a5b2-0000-7000-8000-000000000000", "not-a-uuid"]) {
      const result = await moveStructure(db, bcrc, { parentId }, by);
      expect(result).toEqual({ ok: false, errors: { parentId: { key: "structures.errors.parentInvalid" } } });
    }
  });
});
