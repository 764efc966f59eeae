import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { structures } from "../../core/structures/tables.js";
import { findStructureByCode } from "./queries.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const home = (await findStructureByCode(db, "gov-tn-11"))!;
const other = (await findStructureByCode(db, "gov-tn-12"))!;
const tunis = (await findStructureByCode(db, "mun-tn-11"))!;
const base = (id: string) => `/fr/admin/structures/${id}`;
const GOVERNORATE_OF_TUNIS = {
  kind: "governorate",
  governorateCode: "TN-11",
  nameAr: "ولاية تونس",
  nameFr: "Gouvernorat de Tunis",
  nameEn: "Governorate of Tunis",
  summaryFr: "Représente l'État dans le gouvernorat de Tunis.",
};
let created = 0;

// Staff roles of the matrix hold in gov-tn-11; other_staff administers gov-tn-12 only.
const ownOnly = { anonymous: 303, citizen: 403, structure_admin: 200, platform_admin: 200, otherwise: 404 };
const platformOnly = {
  anonymous: 303,
  citizen: 403,
  structure_admin: 403,
  platform_admin: 200,
  otherwise: 404,
};
roleMatrix("structures admin", testApp, [
  {
    method: "GET",
    url: "/fr/admin/structures",
    expect: { anonymous: 303, structure_admin: 200, other_staff: 200, platform_admin: 200, otherwise: 403 },
  },
  {
    method: "GET",
    url: "/fr/admin/structures/new",
    expect: { anonymous: 303, platform_admin: 200, otherwise: 403 },
  },
  {
    method: "POST",
    url: "/fr/admin/structures/new",
    form: () => ({ code: `matrix-${++created}`, kind: "independent_body", nameFr: "Instance de test" }),
    expect: { anonymous: 303, platform_admin: 303, otherwise: 403 },
  },
  { method: "GET", url: () => base(home.id), expect: ownOnly },
  { method: "GET", url: () => `${base(home.id)}/edit`, expect: ownOnly },
  {
    method: "POST",
    url: () => `${base(home.id)}/edit`,
    form: GOVERNORATE_OF_TUNIS,
    expect: { ...ownOnly, structure_admin: 303, platform_admin: 303 },
  },
  { method: "GET", url: () => `${base(home.id)}/move`, expect: platformOnly },
  // Under itself: refused (422) even for platform admins.
  {
    method: "POST",
    url: () => `${base(home.id)}/move`,
    form: () => ({ parentId: home.id }),
    expect: { ...platformOnly, platform_admin: 422 },
  },
  { method: "GET", url: () => `${base(home.id)}/retire`, expect: platformOnly },
  // Its municipality is still active: refused (422).
  {
    method: "POST",
    url: () => `${base(home.id)}/retire`,
    form: { reason: "Test" },
    expect: { ...platformOnly, platform_admin: 422 },
  },
  // Not retired: nothing to restore (422).
  { method: "POST", url: () => `${base(home.id)}/restore`, expect: { ...platformOnly, platform_admin: 422 } },
  {
    method: "GET",
    url: "/fr/admin/structures/not-a-uuid",
    expect: { anonymous: 303, citizen: 403, otherwise: 404 },
  },
]);

const admin = async () => (await signedInAgent(app, database, { platformAdmin: true })).agent;
const tunisAdmin = async () =>
  (await signedInAgent(app, database, { roles: [{ structure: "gov-tn-11", role: "structure_admin" }] }))
    .agent;
const auditOf = (action: string, structureId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.structureId, structureId)));
const reload = async (code: string) => (await findStructureByCode(db, code))!;

describe("structure admins", () => {
  it("see only their own structures in the list", async () => {
    const body = (await (await tunisAdmin()).get("/en/admin/structures")).body;
    expect(body).toContain(`href="/en/admin/structures/${home.id}"`);
    expect(body).not.toContain(`href="/en/admin/structures/${other.id}"`);
    expect(body).not.toContain('href="/en/admin/structures/new"');
  });

  it("edit the description and contact details of their structure, and nothing else", async () => {
    const agent = await tunisAdmin();
    const form = (await agent.get(`/en/admin/structures/${home.id}/edit`)).body;
    expect(form).toContain('name="summaryAr"');
    expect(form).not.toContain('name="nameAr"');
    expect(form).not.toContain('name="kind"');
    const response = await agent.post(`/en/admin/structures/${home.id}/edit`, {
      nameFr: "Nom piraté",
      kind: "ministry",
      summaryFr: "Accueille les habitants du Grand Tunis.",
      phone: "71 000 001",
      email: "Contact@Gouvernorat-Tunis.example.tn",
      website: "https://tunis.example.tn",
    });
    expect(response.statusCode).toBe(303);
    const saved = await reload("gov-tn-11");
    expect(saved.name.fr).toBe("Gouvernorat de Tunis");
    expect(saved.kind).toBe("governorate");
    expect(saved.summary.fr).toBe("Accueille les habitants du Grand Tunis.");
    expect(saved.contact).toMatchObject({
      phone: "+21671000001",
      email: "contact@gouvernorat-tunis.example.tn",
      website: "https://tunis.example.tn",
    });
    const [event] = await auditOf("structure.update", home.id);
    expect(event?.details).toMatchObject({ code: "gov-tn-11" });
    const page = (await app.inject("/fr/structures/gov-tn-11")).body;
    expect(page).toContain('href="tel:+21671000001"');
    expect(page).toContain('href="https://tunis.example.tn"');
  });

  it("cannot touch another structure (404) nor retire or move their own (403)", async () => {
    const agent = await tunisAdmin();
    expect((await agent.get(`/en/admin/structures/${other.id}/edit`)).statusCode).toBe(404);
    expect((await agent.post(`/en/admin/structures/${other.id}/edit`, { summaryFr: "x" })).statusCode).toBe(
      404,
    );
    expect((await agent.post(`/en/admin/structures/${other.id}/retire`, { reason: "x" })).statusCode).toBe(
      404,
    );
    expect((await agent.post(`/en/admin/structures/${home.id}/retire`, { reason: "x" })).statusCode).toBe(
      403,
    );
    expect((await agent.post(`/en/admin/structures/${home.id}/move`, { parentId: "" })).statusCode).toBe(403);
    expect((await reload("gov-tn-11")).retiredAt).toBeNull();
    expect((await reload("gov-tn-12")).summary.fr).not.toBe("x");
  });
});

describe("platform admins", () => {
  it("create a structure, audited, with its public page at once", async () => {
    const agent = await admin();
    const response = await agent.post("/en/admin/structures/new", {
      code: "mun-la-marsa",
      kind: "municipality",
      parentId: home.id,
      governorateCode: "TN-11",
      nameAr: "بلدية المرسى",
      nameFr: "Municipalité de La Marsa",
      nameEn: "Municipality of La Marsa",
      email: "contact@lamarsa.example.tn",
    });
    expect(response.statusCode).toBe(303);
    const saved = await reload("mun-la-marsa");
    expect(response.headers.location).toBe(`/en/admin/structures/${saved.id}`);
    expect(saved.parentId).toBe(home.id);
    expect((await auditOf("structure.create", saved.id)).length).toBe(1);
    expect((await agent.get(response.headers.location as string)).body).toContain(
      "The structure has been added",
    );
    expect((await app.inject("/en/structures/gov-tn-11")).body).toContain("Municipality of La Marsa");
  });

  it("get the form back (422) with every problem and what they typed, and nothing is stored", async () => {
    const agent = await admin();
    const response = await agent.post("/en/admin/structures/new", {
      code: "bad-input",
      kind: "municipality",
      parentId: "0190a5b2-0000-7000-8000-000000000000",
      nameFr: "N".repeat(201),
      email: "not-an-email",
      phone: "12",
      website: "ftp://example.tn",
      governorateCode: "TN-99",
    });
    expect(response.statusCode).toBe(422);
    for (const field of ["nameFr", "email", "phone", "website", "governorateCode", "parentId"]) {
      expect(response.body, field).toContain(`href="#${field}"`);
    }
    expect(response.body).toContain('value="not-an-email"');
    expect(await findStructureByCode(db, "bad-input")).toBeNull();

    const noName = await agent.post("/en/admin/structures/new", { code: "no-name", kind: "ministry" });
    expect(noName.statusCode).toBe(422);
    expect(noName.body).toContain("Enter the name in at least one language");
    const taken = await agent.post("/en/admin/structures/new", {
      code: "gov-tn-11",
      kind: "ministry",
      nameEn: "X",
    });
    expect(taken.body).toContain("Another structure already has this code");
    const injected = await agent.post("/en/admin/structures/new", {
      code: "forged",
      kind: "ministry",
      nameEn: "Forged",
      parentId: "'; drop table structures; --",
    });
    expect(injected.statusCode).toBe(422);
    expect(await findStructureByCode(db, "forged")).toBeNull();
  });

  it("answer 404 for unknown or malformed ids, never 500", async () => {
    const agent = await admin();
    for (const url of [
      "/en/admin/structures/not-a-uuid",
      "/en/admin/structures/0190a5b2-0000-7000-8000-000000000000/edit",
      `/en/admin/structures/${home.id}x/move`,
      `/en/admin/structures/${home.id}/categories/nope/edit`,
    ]) {
      expect((await agent.get(url)).statusCode, url).toBe(404);
    }
    expect(
      (await agent.post("/en/admin/structures/%27%20or%201%3D1/retire", { reason: "x" })).statusCode,
    ).toBe(404);
  });

  it("move a structure, but never under itself or what is below it", async () => {
    const agent = await admin();
    const cycle = await agent.post(`/en/admin/structures/${home.id}/move`, { parentId: tunis.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.body).toContain("cannot be moved under itself");
    expect((await reload("gov-tn-11")).parentId).not.toBe(tunis.id);

    const form = (await agent.get(`/en/admin/structures/${home.id}/move`)).body;
    expect(form).not.toContain(`value="${tunis.id}"`);
    expect(form).toContain(`value="${other.id}"`);

    const moved = await agent.post(`/en/admin/structures/${tunis.id}/move`, { parentId: other.id });
    expect(moved.statusCode).toBe(303);
    expect((await reload("mun-tn-11")).parentId).toBe(other.id);
    expect((await auditOf("structure.move", tunis.id))[0]?.details).toMatchObject({
      from: home.id,
      to: other.id,
    });
    await agent.post(`/en/admin/structures/${tunis.id}/move`, { parentId: home.id });
  });

  it("retire a structure with a reason and restore it; retiring keeps its page and never deletes", async () => {
    const agent = await admin();
    const parent = await agent.post(`/en/admin/structures/${home.id}/retire`, { reason: "Merged" });
    expect(parent.statusCode).toBe(422);
    expect(parent.body).toMatch(/active structures? (is|are) still under it/);

    const empty = await agent.post(`/en/admin/structures/${other.id}/retire`, { reason: " " });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("Say why the structure is retired");

    await agent.post("/en/admin/structures/new", {
      code: "to-retire",
      kind: "independent_body",
      nameEn: "Short-lived body",
    });
    const target = await reload("to-retire");
    const retired = await agent.post(`/en/admin/structures/${target.id}/retire`, { reason: "Mandate ended" });
    expect(retired.statusCode).toBe(303);
    const after = await reload("to-retire");
    expect(after.retiredAt).not.toBeNull();
    expect(after.retiredReason).toBe("Mandate ended");
    expect((await auditOf("structure.retire", target.id)).length).toBe(1);
    expect((await app.inject("/en/structures/to-retire")).body).toContain("Retired since");
    expect((await agent.get(`/en/admin/structures/${target.id}`)).body).toContain("Reason: Mandate ended");

    expect((await agent.post(`/en/admin/structures/${target.id}/restore`)).statusCode).toBe(303);
    expect((await reload("to-retire")).retiredAt).toBeNull();
    expect((await auditOf("structure.restore", target.id)).length).toBe(1);
    expect((await app.inject("/en/structures/to-retire")).body).not.toContain("Retired since");
  });

  it("search the list by name and filter it by kind", async () => {
    const agent = await admin();
    const body = (await agent.get("/en/admin/structures?q=sfax&kind=municipality")).body;
    expect(body).toContain("Municipality of Sfax");
    expect(body).not.toContain("Governorate of Sfax");
    expect((await agent.get("/en/admin/structures?kind=nonsense")).statusCode).toBe(200);
  });

  it("edit every field, audited with the fields that changed", async () => {
    const agent = await admin();
    const target = await reload("gov-tn-12");
    const response = await agent.post(`/en/admin/structures/${target.id}/edit`, {
      kind: "governorate",
      governorateCode: "TN-12",
      nameAr: "ولاية أريانة",
      nameFr: "Gouvernorat de l'Ariana",
      nameEn: "Ariana Governorate",
    });
    expect(response.statusCode).toBe(303);
    expect((await reload("gov-tn-12")).name.en).toBe("Ariana Governorate");
    const events = await auditOf("structure.update", target.id);
    expect(events.at(-1)?.details).toMatchObject({ fields: expect.arrayContaining(["name"]) });
    const [row] = await db.select().from(structures).where(eq(structures.id, target.id));
    expect(row?.summary).toEqual({});
  });
});
