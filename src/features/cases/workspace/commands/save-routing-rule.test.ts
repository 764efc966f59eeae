import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../../test/accounts.js";
import { auditEvents } from "../../../../core/audit/tables.js";
import { loadRoutingRules, routeCase } from "../routing.js";
import { caseRoutingRules } from "../tables.js";
import { createCategory, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const governorate = await structureIdOf(db, "gov-tn-11");
const municipality = await structureIdOf(db, "mun-tn-11");
const mayor = await signedInAgent(app, database, {
  roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
});
const clerk = await signedInAgent(app, database, {
  roles: [{ structure: "mun-tn-11", role: "agent" }],
  displayName: "Guichetier Tunis",
});

describe("routing rules", () => {
  it("lets a municipality's admin route a category of its governorate to it, to one of its agents", async () => {
    const lighting = await createCategory(db, "gov-tn-11");
    const response = await mayor.agent.post("/fr/staff/routing", {
      category: lighting.id,
      governorate: "TN-11",
      structure: municipality,
      assignment: "agent",
      agent: people.agent.account.id,
    });
    // An agent of another structure cannot be named.
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#agent"');
    expect(response.body).toContain("Choisissez un agent de la structure destinataire");
    const wrongMode = await mayor.agent.post("/fr/staff/routing", {
      category: lighting.id,
      structure: municipality,
      assignment: "everyone",
    });
    expect(wrongMode.statusCode).toBe(422);
    expect(wrongMode.body).toContain('href="#assignment"');
    const saved = await mayor.agent.post("/fr/staff/routing", {
      category: lighting.id,
      governorate: "TN-11",
      structure: municipality,
      assignment: "agent",
      agent: clerk.account.id,
    });
    expect(saved.statusCode).toBe(303);
    const page = await mayor.agent.get("/fr/staff/routing");
    expect(page.body).toContain(`Catégorie ${lighting.code}`);
    expect(page.body).toContain("Guichetier Tunis");
    const rules = await loadRoutingRules(db, lighting.id);
    expect(rules).toEqual([
      {
        id: expect.any(String),
        categoryId: lighting.id,
        governorateCode: "TN-11",
        municipalityId: null,
        targetStructureId: municipality,
        targetTeamId: null,
        assignment: "agent",
        targetAgentId: clerk.account.id,
        targetName: expect.objectContaining({ fr: expect.any(String) }),
      },
    ]);
    expect(routeCase(rules, { categoryId: lighting.id, governorateCode: "TN-11" })).toBe(rules[0]);
    expect(routeCase(rules, { categoryId: lighting.id, governorateCode: "TN-12" })).toBeNull();
    const [entry] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "case_routing_rule.create"));
    expect(entry).toMatchObject({
      structureId: municipality,
      details: {
        categoryId: lighting.id,
        governorateCode: "TN-11",
        assignment: "agent",
        targetAgentId: clerk.account.id,
      },
    });

    const duplicate = await mayor.agent.post("/fr/staff/routing", {
      category: lighting.id,
      governorate: "TN-11",
      structure: municipality,
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.body).toContain("Une règle existe déjà");

    const [rule] = await db
      .select()
      .from(caseRoutingRules)
      .where(eq(caseRoutingRules.categoryId, lighting.id));
    expect((await people.admin.agent.post(`/fr/staff/routing/${rule!.id}/delete`)).statusCode).toBe(404);
    expect((await mayor.agent.post(`/fr/staff/routing/${rule!.id}/delete`)).statusCode).toBe(303);
    expect(await loadRoutingRules(db, lighting.id)).toEqual([]);
  });

  it("does not let an admin pull in the requests of an unrelated structure", async () => {
    const ariana = await createCategory(db, "gov-tn-12");
    const response = await mayor.agent.post("/fr/staff/routing", {
      category: ariana.id,
      governorate: "",
      structure: municipality,
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#category"');
    const elsewhere = await mayor.agent.post("/fr/staff/routing", {
      category: (await createCategory(db, "gov-tn-11")).id,
      structure: governorate,
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(
      await db.select().from(caseRoutingRules).where(eq(caseRoutingRules.categoryId, ariana.id)),
    ).toHaveLength(0);
  });

  it("lets platform admins route any category anywhere, for any governorate", async () => {
    const office = await createCategory(db, "bcrc");
    const response = await people.platformAdmin.agent.post("/fr/staff/routing", {
      category: office.id,
      governorate: "",
      structure: governorate,
    });
    expect(response.statusCode).toBe(303);
    expect(
      routeCase(await loadRoutingRules(db, office.id), { categoryId: office.id, governorateCode: "TN-61" })
        ?.targetStructureId,
    ).toBe(governorate);
    // Agents see no routing page.
    expect((await people.agent.agent.get("/fr/staff/routing")).statusCode).toBe(403);
    expect(await loadRoutingRules(db, "nope")).toEqual([]);
  });

  it("lets a rule name a municipality of its governorate, and refuses one outside it", async () => {
    const waste = await createCategory(db, "gov-tn-11");
    const base = { category: waste.id, structure: municipality, assignment: "none" };
    const outside = await mayor.agent.post("/fr/staff/routing", {
      ...base,
      governorate: "TN-12",
      municipality,
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.body).toContain('href="#municipality"');
    expect(outside.body).toContain("La municipalité doit appartenir au gouvernorat choisi");
    // Any governorate: a municipality cannot stand alone.
    const alone = await mayor.agent.post("/ar/staff/routing", { ...base, governorate: "", municipality });
    expect(alone.statusCode).toBe(422);
    expect(alone.body).toContain("يجب أن تكون البلدية في الولاية المختارة");
    // Forged: a structure that is no municipality, an id that names nothing, not an id at all.
    for (const forged of [governorate, "01900000-0000-7000-8000-000000000000", "mun-tn-11"]) {
      const response = await mayor.agent.post("/en/staff/routing", {
        ...base,
        governorate: "TN-11",
        municipality: forged,
      });
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain('href="#municipality"');
      expect(response.body).toContain("Choose a municipality from the list");
    }
    expect(await loadRoutingRules(db, waste.id)).toEqual([]);

    // The form offers the municipalities, without JavaScript: a plain select.
    const form = await mayor.agent.get("/fr/staff/routing");
    expect(form.body).toMatch(/<select id="municipality" name="municipality"/);
    expect(form.body).toContain(`<option value="${municipality}" dir="auto">Municipalité de Tunis</option>`);

    const saved = await mayor.agent.post("/fr/staff/routing", {
      ...base,
      governorate: "TN-11",
      municipality,
    });
    expect(saved.statusCode, saved.body).toBe(303);
    // The governorate's own rule for the same category is another place: both stand.
    const whole = await mayor.agent.post("/fr/staff/routing", { ...base, governorate: "TN-11" });
    expect(whole.statusCode, whole.body).toBe(303);
    const again = await mayor.agent.post("/fr/staff/routing", {
      ...base,
      governorate: "TN-11",
      municipality,
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('href="#municipality"');
    expect(again.body).toContain("Une règle existe déjà");

    const rules = await loadRoutingRules(db, waste.id);
    expect(rules.map((r) => r.municipalityId).sort()).toEqual([municipality, null].sort());
    const page = await mayor.agent.get("/fr/staff/routing");
    const rows = page.body.split("<tr").filter((r) => r.includes(`Catégorie ${waste.code}`));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("Municipalité de Tunis");
    expect(rows[1]).toContain("Toute municipalité");
    const entries = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "case_routing_rule.create"));
    expect(
      entries.find(
        (e) =>
          e.details &&
          (e.details as { categoryId?: string }).categoryId === waste.id &&
          (e.details as { municipalityId?: string }).municipalityId === municipality,
      ),
    ).toBeDefined();
  });
});
