import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { createCategory } from "./commands/create-category.js";
import { findStructureByCode, listCategories } from "./queries.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const home = (await findStructureByCode(db, "gov-tn-11"))!;
const other = (await findStructureByCode(db, "gov-tn-12"))!;
const made = await createCategory(
  db,
  home,
  { code: "civil-status", nameFr: "État civil" },
  { actorId: null },
);
if (!made.ok) throw new Error("fixture");
const categoryId = made.value.id;
const base = `/fr/admin/structures/${home.id}/categories`;
let n = 0;

// Staff roles of the matrix hold in gov-tn-11; other_staff administers gov-tn-12 only.
const own = { anonymous: 303, citizen: 403, structure_admin: 200, platform_admin: 200, otherwise: 404 };
const ownPost = { ...own, structure_admin: 303, platform_admin: 303 };
roleMatrix("structure categories", testApp, [
  { method: "GET", url: base, expect: own },
  { method: "POST", url: base, form: () => ({ code: `matrix-${++n}`, nameFr: "Sujet" }), expect: ownPost },
  { method: "GET", url: `${base}/${categoryId}/edit`, expect: own },
  {
    method: "POST",
    url: `${base}/${categoryId}/edit`,
    form: { nameFr: "État civil et actes" },
    expect: ownPost,
  },
  { method: "POST", url: `${base}/${categoryId}/retire`, expect: ownPost },
  { method: "GET", url: `${base}/not-a-uuid/edit`, expect: { anonymous: 303, citizen: 403, otherwise: 404 } },
]);

const tunisAdmin = async () =>
  (await signedInAgent(app, database, { roles: [{ structure: "gov-tn-11", role: "structure_admin" }] }))
    .agent;
const audited = (action: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.structureId, home.id)));

describe("request categories", () => {
  it("are added, renamed and retired by the structure's admin, each change audited", async () => {
    const agent = await tunisAdmin();
    const added = await agent.post(`/en/admin/structures/${home.id}/categories`, {
      code: "Roads",
      nameAr: "الطرقات",
      nameFr: "Voirie",
      nameEn: "Roads",
    });
    expect(added.statusCode).toBe(303);
    const roads = (await listCategories(db, home.id)).find((c) => c.code === "roads")!;
    expect(roads.name).toEqual({ ar: "الطرقات", fr: "Voirie", en: "Roads" });
    expect((await app.inject("/en/structures/gov-tn-11")).body).toContain("Roads");
    expect((await audited("category.create")).some((e) => e.subjectId === roads.id)).toBe(true);

    const renamed = await agent.post(`/en/admin/structures/${home.id}/categories/${roads.id}/edit`, {
      nameEn: "Roads and pavements",
      nameFr: "Voirie et trottoirs",
    });
    expect(renamed.statusCode).toBe(303);
    expect((await listCategories(db, home.id)).find((c) => c.id === roads.id)?.name).toEqual({
      fr: "Voirie et trottoirs",
      en: "Roads and pavements",
    });
    expect((await audited("category.update")).some((e) => e.subjectId === roads.id)).toBe(true);

    expect(
      (await agent.post(`/en/admin/structures/${home.id}/categories/${roads.id}/retire`)).statusCode,
    ).toBe(303);
    expect((await audited("category.retire")).some((e) => e.subjectId === roads.id)).toBe(true);
    expect((await app.inject("/en/structures/gov-tn-11")).body).not.toContain("Roads and pavements");
    const list = (await agent.get(`/en/admin/structures/${home.id}/categories`)).body;
    expect(list).toContain("Roads and pavements");
    expect(list).toContain("Retired");
  });

  it("refuse a duplicate code, a bad code and names that are missing or too long (422, nothing stored)", async () => {
    const agent = await tunisAdmin();
    const before = (await listCategories(db, home.id, { includeRetired: true })).length;
    const duplicate = await agent.post(`/en/admin/structures/${home.id}/categories`, {
      code: "civil-status",
      nameEn: "Again",
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.body).toContain("already has a category with this code");
    const bad = await agent.post(`/en/admin/structures/${home.id}/categories`, {
      code: "a b",
      nameEn: "x".repeat(201),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#code"');
    expect(bad.body).toContain('href="#nameEn"');
    expect(bad.body).toContain('value="a b"');
    const unnamed = await agent.post(`/en/admin/structures/${home.id}/categories`, { code: "unnamed" });
    expect(unnamed.body).toContain("Enter the name in at least one language");
    expect((await listCategories(db, home.id, { includeRetired: true })).length).toBe(before);
  });

  it("stay out of reach of another structure's admins", async () => {
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-12", role: "structure_admin" }],
    });
    expect((await agent.get(`/en/admin/structures/${home.id}/categories`)).statusCode).toBe(404);
    expect(
      (await agent.post(`/en/admin/structures/${home.id}/categories`, { code: "intrusion", nameEn: "X" }))
        .statusCode,
    ).toBe(404);
    // A category id of gov-tn-11 under gov-tn-12's address is not found either.
    expect(
      (await agent.get(`/en/admin/structures/${other.id}/categories/${categoryId}/edit`)).statusCode,
    ).toBe(404);
  });
});
