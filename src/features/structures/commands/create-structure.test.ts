import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { structures } from "../../../core/structures/tables.js";
import { findStructureByCode } from "../queries.js";
import { createStructure } from "./create-structure.js";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());
const by = { actorId: null };

describe("createStructure", () => {
  it("creates a structure under an active parent, audited", async () => {
    const parent = (await findStructureByCode(db, "min-health"))!;
    const result = await createStructure(
      db,
      {
        code: "DRS-Gabes",
        kind: "regional_directorate",
        parentId: parent.id,
        governorateCode: "tn-81",
        nameFr: "DRS de Gabès",
      },
      by,
    );
    expect(result).toMatchObject({ ok: true, value: { code: "drs-gabes" } });
    const saved = (await findStructureByCode(db, "drs-gabes"))!;
    expect(saved).toMatchObject({
      kind: "regional_directorate",
      parentId: parent.id,
      governorateCode: "TN-81",
    });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "structure.create"), eq(auditEvents.subjectId, saved.id)));
    expect(events).toHaveLength(1);
  });

  it("refuses a taken code, an unknown kind or governorate, and a retired or forged parent", async () => {
    const retired = (await findStructureByCode(db, "inlucc"))!;
    await db.update(structures).set({ retiredAt: new Date() }).where(eq(structures.id, retired.id));
    const result = await createStructure(
      db,
      { code: "gov-tn-11", kind: "village", governorateCode: "TN-00", parentId: retired.id, nameEn: "X" },
      by,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["governorateCode", "kind", "parentId"]);
    const taken = await createStructure(db, { code: "gov-tn-11", kind: "ministry", nameEn: "X" }, by);
    expect(taken).toEqual({ ok: false, errors: { code: { key: "structures.errors.codeTaken" } } });
    const forged = await createStructure(
      db,
      { code: "forged-parent", kind: "ministry", nameEn: "X", parentId: "1" },
      by,
    );
    expect(forged.ok).toBe(false);
    expect(await findStructureByCode(db, "forged-parent")).toBeNull();
  });
});
