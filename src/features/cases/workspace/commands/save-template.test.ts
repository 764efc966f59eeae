import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../../../core/audit/tables.js";
import { responseTemplates } from "../tables.js";
import { fillTemplate } from "../templates.js";
import { createCategory, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const home = await structureIdOf(db, "gov-tn-11");

describe("fillTemplate", () => {
  it("fills the four placeholders, wherever and however often they appear, and nothing else", () => {
    const values = {
      reference: "EC-2026-000123",
      name: "Amira",
      structure: "Municipalité de Tunis",
      date: "3 mars 2026",
    };
    expect(
      fillTemplate("{name}, {reference} ({reference}) — {structure}, {date}. {other} {{name}}", values),
    ).toBe("Amira, EC-2026-000123 (EC-2026-000123) — Municipalité de Tunis, 3 mars 2026. {other} {Amira}");
    expect(fillTemplate("Aucun", values)).toBe("Aucun");
  });
});

describe("managing response templates", () => {
  it("lets a structure admin add, edit and delete a template, each audited", async () => {
    const category = await createCategory(db, "gov-tn-11");
    const created = await people.admin.agent.post("/fr/staff/templates", {
      structure: home,
      category: category.id,
      locale: "fr",
      title: "Éclairage réparé",
      body: "Bonjour {name}, les travaux liés à {reference} sont terminés.",
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(`/fr/staff/templates?structure=${home}`);
    const list = await people.admin.agent.get(created.headers.location as string);
    expect(list.body).toContain("Éclairage réparé");
    const [row] = await db
      .select()
      .from(responseTemplates)
      .where(eq(responseTemplates.title, "Éclairage réparé"));
    expect(row).toMatchObject({
      structureId: home,
      categoryId: category.id,
      locale: "fr",
      createdBy: people.admin.account.id,
    });

    const edit = await people.admin.agent.get(`/fr/staff/templates/${row!.id}`);
    expect(edit.body).toContain("les travaux liés à {reference}");
    const updated = await people.admin.agent.post(`/fr/staff/templates/${row!.id}`, {
      category: "",
      locale: "ar",
      title: "إصلاح التنوير",
      body: "مرحبًا {name}",
    });
    expect(updated.statusCode).toBe(303);
    const [after] = await db.select().from(responseTemplates).where(eq(responseTemplates.id, row!.id));
    expect(after).toMatchObject({
      categoryId: null,
      locale: "ar",
      title: "إصلاح التنوير",
      structureId: home,
    });

    expect((await people.admin.agent.post(`/fr/staff/templates/${row!.id}/delete`)).statusCode).toBe(303);
    expect(await db.select().from(responseTemplates).where(eq(responseTemplates.id, row!.id))).toHaveLength(
      0,
    );
    const audited = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, row!.id));
    expect(audited.map((a) => a.action).sort()).toEqual([
      "case_template.create",
      "case_template.delete",
      "case_template.update",
    ]);
    expect(JSON.stringify(audited.map((a) => a.details))).not.toContain("travaux");
  });

  it("shows the form again with each problem and what was typed", async () => {
    const other = await createCategory(db, "gov-tn-12");
    const response = await people.admin.agent.post("/fr/staff/templates", {
      structure: home,
      category: other.id,
      locale: "de",
      title: "",
      body: "Texte gardé",
    });
    expect(response.statusCode).toBe(422);
    for (const field of ["category", "locale", "title"]) expect(response.body).toContain(`href="#${field}"`);
    expect(response.body).toContain("Texte gardé");
    expect(
      await db.select().from(responseTemplates).where(eq(responseTemplates.body, "Texte gardé")),
    ).toHaveLength(0);
  });

  it("keeps other structures' templates out of reach", async () => {
    const [theirs] = await db
      .insert(responseTemplates)
      .values({ structureId: await structureIdOf(db, "gov-tn-12"), locale: "fr", title: "Ariana", body: "x" })
      .returning();
    expect((await people.admin.agent.get(`/fr/staff/templates/${theirs!.id}`)).statusCode).toBe(404);
    expect((await people.admin.agent.post(`/fr/staff/templates/${theirs!.id}/delete`)).statusCode).toBe(404);
    expect((await people.admin.agent.get("/fr/staff/templates")).body).not.toContain("Ariana");
    expect((await people.agent.agent.get("/fr/staff/templates")).statusCode).toBe(403);
  });
});
