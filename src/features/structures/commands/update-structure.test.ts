import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { findStructureByCode } from "../queries.js";
import { updateStructure } from "./update-structure.js";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());
const by = { actorId: null };
const updates = async (id: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "structure.update"), eq(auditEvents.subjectId, id)));

describe("updateStructure", () => {
  it("in 'details' scope changes only the summary and contact, whatever else is sent", async () => {
    const sousse = (await findStructureByCode(db, "mun-tn-51"))!;
    const result = await updateStructure(
      db,
      sousse,
      {
        nameFr: "Autre nom",
        kind: "ministry",
        summaryFr: "Nouvelle description",
        email: "contact@sousse.example.tn",
      },
      "details",
      by,
    );
    expect(result).toEqual({ ok: true, value: { changed: ["summary", "contact"] } });
    const saved = (await findStructureByCode(db, "mun-tn-51"))!;
    expect(saved.name).toEqual(sousse.name);
    expect(saved.kind).toBe("municipality");
    expect(saved.summary).toEqual({ fr: "Nouvelle description" });
    expect(saved.contact).toEqual({ email: "contact@sousse.example.tn" });
    expect((await updates(sousse.id))[0]?.details).toEqual({
      code: "mun-tn-51",
      fields: ["summary", "contact"],
    });
  });

  it("in 'full' scope changes names, kind and governorate; an identical form changes and audits nothing", async () => {
    const body = (await findStructureByCode(db, "mediateur"))!;
    const input = {
      kind: "independent_body",
      nameFr: "Médiateur administratif",
      nameEn: "Ombudsman",
      governorateCode: "",
    };
    expect(await updateStructure(db, body, input, "full", by)).toEqual({
      ok: true,
      value: { changed: ["name", "summary"] },
    });
    const saved = (await findStructureByCode(db, "mediateur"))!;
    expect(saved.name).toEqual({ fr: "Médiateur administratif", en: "Ombudsman" });
    expect(await updateStructure(db, saved, input, "full", by)).toEqual({ ok: true, value: { changed: [] } });
    expect(await updates(body.id)).toHaveLength(1);
  });

  it("refuses invalid values and stores nothing", async () => {
    const sfax = (await findStructureByCode(db, "mun-tn-61"))!;
    const result = await updateStructure(db, sfax, { kind: "", nameAr: "", email: "x" }, "full", by);
    expect(result.ok).toBe(false);
    expect((await findStructureByCode(db, "mun-tn-61"))?.updatedAt).toEqual(sfax.updatedAt);
  });
});
