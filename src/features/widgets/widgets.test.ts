import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { createTestConsultation } from "../consultations/testing.js";
import { findStructureByCode } from "../structures/queries.js";
import { parseOrigin } from "./origins.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const home = (await findStructureByCode(database.db, HOME_STRUCTURE))!;

roleMatrix("widgets", testApp, [
  { method: "GET", url: `/fr/widgets/${HOME_STRUCTURE}/answered`, expect: { otherwise: 200 } },
  { method: "GET", url: `/ar/widgets/${HOME_STRUCTURE}/request`, expect: { otherwise: 200 } },
  { method: "GET", url: `/en/widgets/${HOME_STRUCTURE}/consultations`, expect: { otherwise: 200 } },
  { method: "GET", url: `/fr/widgets/${HOME_STRUCTURE}/nothing`, expect: { otherwise: 404 } },
  { method: "GET", url: "/fr/widgets/no-such-structure/answered", expect: { otherwise: 404 } },
  {
    method: "GET",
    url: "/fr/admin/widgets",
    expect: { anonymous: 303, structure_admin: 200, platform_admin: 200, other_staff: 200, otherwise: 403 },
  },
  {
    method: "POST",
    url: () => `/fr/admin/widgets/${home.id}/origins`,
    form: { origins: "https://www.tunis.example" },
    expect: { anonymous: 303, citizen: 403, structure_admin: 303, platform_admin: 303, otherwise: 404 },
  },
]);

describe("framing", () => {
  it("is refused everywhere until origins are allowed, then allowed for those only", async () => {
    const code = "mun-tn-11";
    const before = await app.inject(`/fr/widgets/${code}/request`);
    expect(before.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const structure = (await findStructureByCode(database.db, code))!;
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: code, role: "structure_admin" }],
    });
    const saved = await agent.post(`/fr/admin/widgets/${structure.id}/origins`, {
      origins: "https://www.commune-tunis.example/\nhttp://localhost:8080",
    });
    expect(saved.statusCode).toBe(303);
    const after = await app.inject(`/fr/widgets/${code}/request`);
    const csp = String(after.headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors http://localhost:8080 https://www.commune-tunis.example;");
    expect(csp).toContain("script-src 'self'");
    expect(after.headers["x-frame-options"]).toBeUndefined();
    // Other pages stay unframeable.
    const home = await app.inject("/fr/structures");
    expect(home.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(home.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("refuses a path, a wildcard or a script scheme with 422 and keeps the list", async () => {
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
    });
    for (const bad of ["https://example.tn/page", "*", "javascript:alert(1)", "https://*.example.tn"]) {
      const response = await agent.post(`/fr/admin/widgets/${home.id}/origins`, { origins: bad });
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain("n’est pas une adresse de site");
    }
  });

  it("parses origins strictly", () => {
    expect(parseOrigin("https://WWW.Example.tn")).toBe("https://www.example.tn");
    expect(parseOrigin("http://127.0.0.1:4000/")).toBe("http://127.0.0.1:4000");
    expect(parseOrigin("https://user:pw@example.tn")).toBeNull();
    expect(parseOrigin("ftp://example.tn")).toBeNull();
  });
});

describe("widgets", () => {
  it("are small and carry no script", async () => {
    const response = await app.inject(`/ar/widgets/${HOME_STRUCTURE}/request`);
    expect(response.body).not.toContain("<script");
    expect(response.body.length).toBeLessThan(8_000);
    expect(response.body).toContain('target="_blank"');
    expect(response.body).toContain(`value="${HOME_STRUCTURE}"`);
  });

  it("show answered requests without their subjects", async () => {
    const response = await app.inject(`/en/widgets/${HOME_STRUCTURE}/answered`);
    expect(response.body).toContain("Our latest answered requests");
  });
});

describe("our open consultations", () => {
  it("lists the structure's open consultations, not its drafts, upcoming or closed ones, nor another's", async () => {
    const code = "mun-tn-12";
    const open = await createTestConsultation(database.db, { structure: code, title: "Ouverte chez nous" });
    await createTestConsultation(database.db, {
      structure: code,
      phase: "draft",
      title: "Brouillon chez nous",
    });
    await createTestConsultation(database.db, {
      structure: code,
      phase: "announced",
      title: "Annoncée chez nous",
    });
    await createTestConsultation(database.db, {
      structure: code,
      phase: "analysis",
      title: "Close chez nous",
    });
    await createTestConsultation(database.db, { structure: HOME_STRUCTURE, title: "Ouverte ailleurs" });

    const response = await app.inject(`/fr/widgets/${code}/consultations`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("Nos consultations ouvertes");
    expect(response.body).toContain("Ouverte chez nous");
    expect(response.body).toContain(`href="/fr/consultations/${open.consultation.id}"`);
    expect(response.body).toContain('target="_blank"');
    for (const hidden of ["Brouillon chez nous", "Annoncée chez nous", "Close chez nous", "Ouverte ailleurs"])
      expect(response.body).not.toContain(hidden);
    expect(response.body).not.toContain("<script");
  });

  it("says so when none is open, in each language", async () => {
    const ar = await app.inject("/ar/widgets/mun-tn-13/consultations");
    expect(ar.body).toContain("لا توجد لدينا استشارة مفتوحة الآن.");
    const en = await app.inject("/en/widgets/mun-tn-13/consultations");
    expect(en.body).toContain("We have no consultation open right now.");
  });

  it("obeys the structure's framing allow-list", async () => {
    const code = "mun-tn-14";
    const before = await app.inject(`/fr/widgets/${code}/consultations`);
    expect(before.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const structure = (await findStructureByCode(database.db, code))!;
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: code, role: "structure_admin" }],
    });
    await agent.post(`/fr/admin/widgets/${structure.id}/origins`, { origins: "https://www.ariana.example" });
    const after = await app.inject(`/fr/widgets/${code}/consultations`);
    expect(after.headers["content-security-policy"]).toContain("frame-ancestors https://www.ariana.example;");
  });

  it("appears in the widget builder with its code", async () => {
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
    });
    const page = await agent.get(`/en/admin/widgets?structure=${home.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Our open consultations");
    expect(page.body).toContain(`/widgets/${HOME_STRUCTURE}/consultations`);
  });
});
