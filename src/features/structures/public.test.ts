import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { structures } from "../../core/structures/tables.js";
import { createStructure } from "./commands/create-structure.js";
import { retireStructure } from "./commands/retire-structure.js";
import { findStructureByCode } from "./queries.js";
import { structureCategories } from "./tables.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const system = { actorId: null };

roleMatrix("public directory", testApp, [
  { method: "GET", url: "/fr/structures", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/structures?q=sfax&governorate=TN-61&page=1", expect: { otherwise: 200 } },
  { method: "GET", url: "/ar/structures/gov-tn-11", expect: { otherwise: 200 } },
  { method: "GET", url: "/en/structures/no-such-structure", expect: { otherwise: 404 } },
]);

describe("the directory", () => {
  it("lists national structures, the governorates with their municipalities, and independent bodies", async () => {
    const response = await app.inject("/en/structures");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    const body = response.body;
    const all = [body, (await app.inject("/en/structures?page=2")).body].join("");
    for (const heading of ["National structures", "Governorates and municipalities", "Independent bodies"]) {
      expect(all).toContain(heading);
    }
    expect(all).toContain('href="/en/structures/pg"');
    expect(all).toContain('href="/en/structures/min-health"');
    expect(all).toContain('href="/en/structures/mun-tn-61"');
    expect(all).toContain('href="/en/structures/inai"');
    // The presidency comes before the central office, which sits under it.
    expect(body.indexOf("Presidency of the Government")).toBeLessThan(
      body.indexOf("Central Office for Citizen Relations"),
    );
  });

  it("filters by governorate, keeping only that governorate's structures", async () => {
    const body = (await app.inject("/fr/structures?governorate=TN-61")).body;
    expect(body).toContain("Municipalité de Sfax");
    expect(body).toContain("Gouvernorat de Sfax");
    expect(body).not.toContain("Municipalité de Tunis");
    expect(body).not.toContain("Présidence du gouvernement</a>");
  });

  it("finds a municipality whatever the spelling of its Arabic name (ة/ه, diacritics)", async () => {
    const body = (await app.inject(`/ar/structures?q=${encodeURIComponent("بلديه صفاقس")}`)).body;
    expect(body).toContain('href="/ar/structures/mun-tn-61"');
    expect(body).toContain("بلدية صفاقس");
    expect(body).not.toContain('href="/ar/structures/mun-tn-11"');
    const vowelled = (await app.inject(`/ar/structures?q=${encodeURIComponent("بَلَدِيَّة صَفَاقِس")}`)).body;
    expect(vowelled).toContain('href="/ar/structures/mun-tn-61"');
  });

  it("finds Sfax in French, and Béja without its accent", async () => {
    const sfax = (await app.inject("/fr/structures?q=sfax")).body;
    expect(sfax).toContain('href="/fr/structures/mun-tn-61"');
    expect(sfax).toContain('href="/fr/structures/gov-tn-61"');
    expect(sfax).toContain("2 structures trouvées");
    const beja = (await app.inject("/fr/structures?q=municipalite%20beja")).body;
    expect(beja).toContain('href="/fr/structures/mun-tn-31"');
  });

  it("says so when nothing matches, and treats LIKE wildcards as plain text", async () => {
    const body = (await app.inject("/en/structures?q=%25%25zzqx")).body;
    expect(body).toContain("No structure matches “%%zzqx”");
  });

  it("paginates search results, keeping the query in the links", async () => {
    const body = (await app.inject("/en/structures?q=municipality")).body;
    expect(body).toContain("24 structures found");
    expect(body).toContain('href="/en/structures?q=municipality&amp;page=2"');
    const second = (await app.inject("/en/structures?q=municipality&page=2")).body;
    expect(second).toContain("Page 2 of 2");
  });

  it("lets a signed-in visitor's copy be kept only by their browser", async () => {
    const { agent } = await signedInAgent(app, database, {});
    const response = await agent.get("/en/structures");
    expect(response.headers["cache-control"]).toBe("private, no-store");
  });
});

describe("a structure's page", () => {
  it("shows its names, kind, parent with breadcrumbs, governorate, contact and categories", async () => {
    const tunis = (await findStructureByCode(database.db, "mun-tn-11"))!;
    await database.db
      .update(structures)
      .set({ contact: { ...tunis.contact, phone: "+21671000011", email: "contact@tunis.example.tn" } })
      .where(eq(structures.id, tunis.id));
    await database.db.insert(structureCategories).values({
      structureId: tunis.id,
      code: "public-lighting",
      name: { ar: "التنوير العمومي", fr: "Éclairage public", en: "Public lighting" },
    });
    const response = await app.inject("/en/structures/mun-tn-11");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    const body = response.body;
    expect(body).toContain("<h1");
    expect(body).toContain("Municipality of Tunis");
    expect(body).toContain('lang="ar"');
    expect(body).toContain("بلدية تونس");
    expect(body).toContain('href="/en/structures/gov-tn-11"');
    expect(body).toContain('href="/en/structures/min-interior"');
    expect(body).toContain('href="tel:+21671000011"');
    expect(body).toContain('href="mailto:contact@tunis.example.tn"');
    expect(body).not.toContain("Website</dt>");
    expect(body).toContain("Public lighting");
    expect(body).not.toContain("Retired since");
  });

  it("falls back to another language when a name is missing in the page's", async () => {
    const created = await createStructure(
      database.db,
      { code: "ar-only", kind: "independent_body", nameAr: "هيئة تجريبية" },
      system,
    );
    expect(created.ok).toBe(true);
    const body = (await app.inject("/en/structures/ar-only")).body;
    expect(body).toMatch(/<span lang="ar" dir="rtl">هيئة تجريبية<\/span>/);
    expect(body).toContain("No contact details have been published yet.");
  });

  it("keeps answering once retired, with a banner, while the directory leaves it out", async () => {
    const created = await createStructure(
      database.db,
      { code: "old-agency", kind: "independent_body", nameFr: "Agence dissoute", nameEn: "Dissolved agency" },
      system,
    );
    const agency = (await findStructureByCode(database.db, "old-agency"))!;
    expect(created.ok).toBe(true);
    expect((await app.inject("/en/structures?page=2")).body).toContain("Dissolved agency");
    expect((await retireStructure(database.db, agency, { reason: "Merged" }, system)).ok).toBe(true);

    const page = await app.inject("/en/structures/old-agency");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Retired since");
    expect((await app.inject("/fr/structures/old-agency")).body).toContain("Retirée depuis le");
    expect(page.body).not.toContain("Merged");
    expect((await app.inject("/en/structures?page=2")).body).not.toContain("Dissolved agency");
    expect((await app.inject("/en/structures?q=dissolved")).body).toContain("No structure matches");
  });

  it("answers 404 for an unknown or malformed code", async () => {
    expect((await app.inject("/en/structures/nope")).statusCode).toBe(404);
    expect((await app.inject("/en/structures/NOT%20A%20CODE")).statusCode).toBe(404);
    expect((await app.inject(`/en/structures/${"x".repeat(80)}`)).statusCode).toBe(404);
  });
});
