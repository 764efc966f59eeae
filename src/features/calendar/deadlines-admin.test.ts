import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE, OTHER_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { setDeadlinePolicy } from "./commands/set-deadline-policy.js";
import { findDeadlinePolicy, findPolicy } from "./queries.js";
import { structureId } from "./testing/database.js";

const testApp = await createTestApp();
const { db } = testApp.database;
const home = await structureId(db, HOME_STRUCTURE);
const other = await structureId(db, OTHER_STRUCTURE);

// Overrides the matrix works on: one to show and remove, in the home structure.
await setDeadlinePolicy(
  db,
  { caseType: "suggestion", structure: home, workingDays: "25", pauseAllowed: "yes" },
  {},
);
const overrideId = (await findPolicy(db, "suggestion", home))!.id;

const viewers = {
  anonymous: 303,
  structure_admin: 200,
  platform_admin: 200,
  other_staff: 200,
  otherwise: 403,
};
roleMatrix("deadlines admin", testApp, [
  { method: "GET", url: "/fr/admin/deadlines", expect: viewers },
  { method: "GET", url: "/fr/admin/deadlines?type=complaint&structure=national", expect: viewers },
  {
    method: "POST",
    url: "/fr/admin/deadlines",
    form: { caseType: "guidance", structure: home, workingDays: "5", pauseAllowed: "yes" },
    expect: { anonymous: 303, platform_admin: 303, otherwise: 403 },
  },
  {
    method: "GET",
    url: `/fr/admin/deadlines/${overrideId}/remove`,
    expect: { anonymous: 303, platform_admin: 200, other_staff: 404, otherwise: 403 },
  },
  {
    method: "POST",
    url: `/fr/admin/deadlines/${overrideId}/remove`,
    expect: { anonymous: 303, platform_admin: 303, other_staff: 404, otherwise: 403 },
  },
]);

const as = async (options: Parameters<typeof signedInAgent>[2]) =>
  (await signedInAgent(testApp.app, testApp.database, options)).agent;
const admin = () => as({ platformAdmin: true });

describe("deadlines admin page", () => {
  it("shows the national defaults with their legal basis", async () => {
    const body = (await (await admin()).get("/fr/admin/deadlines")).body;
    expect(body).toContain("Délais nationaux");
    expect(body).toContain("14 jours ouvrables");
    expect(body).toContain("30 jours ouvrables");
    expect(body).toContain("Loi organique n° 2016-22 du 24 mars 2016");
    expect(body).toContain("Enregistrer le délai");
  });

  it("sets a structure's own deadline, which then applies to it, and audits it", async () => {
    const agent = await admin();
    await agent.get("/en/admin/deadlines");
    const response = await agent.post("/en/admin/deadlines", {
      caseType: "complaint",
      structure: other,
      workingDays: "10",
      pauseAllowed: "no",
      legalBasisEn: "Governor's circular of 2026",
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/en/admin/deadlines");
    const page = await agent.get("/en/admin/deadlines");
    expect(page.body).toContain("The deadline has been saved.");
    expect(page.body).toContain("Governor's circular of 2026");
    expect(await findDeadlinePolicy(db, "complaint", other)).toMatchObject({
      workingDays: 10,
      source: "structure",
    });
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "deadline_policy.update"));
    expect(events.some((e) => e.structureId === other)).toBe(true);
  });

  it("shows access-to-information limits as fixed by law, in days with their articles, with nothing to change", async () => {
    const agent = await admin();
    const body = (await agent.get("/fr/admin/deadlines")).body;
    expect(body).toContain("20 jours (article 14)");
    expect(body).toContain("10 jours pour une consultation sur place (article 15)");
    expect(body).toContain("48 heures quand la vie ou la liberté d’une personne est en jeu (article 17)");
    expect(body).toContain("Prorogeable une fois de 10 jours (article 18)");
    expect(body).toContain("Fixé par la loi organique n° 2016-22, en jours et non en jours ouvrables");
    expect(body).not.toContain("type=information&amp;structure=national");
    expect(body).not.toContain('<option value="information"');
    // A forged form for them is refused, nationally or for one structure, and nothing changes.
    const before = await findDeadlinePolicy(db, "information", home);
    for (const structure of ["national", home]) {
      const forged = await agent.post("/fr/admin/deadlines", {
        caseType: "information",
        structure,
        workingDays: "15",
        pauseAllowed: "yes",
      });
      expect(forged.statusCode).toBe(422);
      expect(forged.body).toContain('href="#caseType"');
      expect(forged.body).toContain(
        "La loi organique n° 2016-22 fixe les délais des demandes d’accès à l’information en jours (article 14)",
      );
    }
    expect(await findDeadlinePolicy(db, "information", home)).toEqual(before);
  });

  it("changes a national default from its prefilled form", async () => {
    const agent = await admin();
    const form = await agent.get("/en/admin/deadlines?type=guidance&structure=national");
    expect(form.body).toContain('name="workingDays" type="text" value="7"');
    expect(form.body).toMatch(/<option value="guidance" selected/);
    const response = await agent.post("/en/admin/deadlines", {
      caseType: "notice",
      structure: "national",
      workingDays: "12",
      pauseAllowed: "yes",
    });
    expect(response.statusCode).toBe(303);
    expect(await findDeadlinePolicy(db, "notice", home)).toMatchObject({
      workingDays: 12,
      source: "national",
    });
  });

  it("shows the form again with 422, linked errors and the typed values", async () => {
    const agent = await admin();
    await agent.get("/en/admin/deadlines");
    const response = await agent.post("/en/admin/deadlines", {
      caseType: "complaint",
      structure: home,
      workingDays: "145",
      pauseAllowed: "no",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#workingDays"');
    expect(response.body).toContain("Enter a whole number of working days between 1 and 90");
    expect(response.body).toContain('value="145"');
    const forged = await agent.post("/en/admin/deadlines", {
      caseType: "complaint",
      structure: "00000000-0000-0000-0000-000000000000",
      workingDays: "x",
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain('href="#structure"');
    expect(forged.body).toContain('href="#pauseAllowed"');
  });

  it("shows a structure admin their own structure's deadlines, read-only, and no one else's", async () => {
    await setDeadlinePolicy(
      db,
      { caseType: "suggestion", structure: home, workingDays: "25", pauseAllowed: "yes" },
      {},
    );
    await setDeadlinePolicy(
      db,
      { caseType: "notice", structure: other, workingDays: "11", pauseAllowed: "yes" },
      {},
    );
    const agent = await as({ roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }] });
    const body = (await agent.get("/en/admin/deadlines")).body;
    expect(body).toContain("Only the central office changes deadlines.");
    expect(body).toContain("25 working days"); // the home structure's suggestion deadline
    expect(body).not.toContain("11 working days"); // the other structure's notice deadline
    expect(body).not.toContain("Save the deadline");
    expect(body).not.toContain("/remove");
  });

  it("removes an override after a confirmation", async () => {
    await setDeadlinePolicy(
      db,
      { caseType: "guidance", structure: other, workingDays: "3", pauseAllowed: "yes" },
      {},
    );
    const id = (await findPolicy(db, "guidance", other))!.id;
    const agent = await admin();
    const confirm = await agent.get(`/en/admin/deadlines/${id}/remove`);
    expect(confirm.body).toContain("Governorate of Ariana will follow the national default");
    const response = await agent.post(`/en/admin/deadlines/${id}/remove`);
    expect(response.statusCode).toBe(303);
    expect(await findDeadlinePolicy(db, "guidance", other)).toMatchObject({
      workingDays: 7,
      source: "national",
    });
  });

  it("answers 404 for national defaults, unknown and forged ids on the remove page", async () => {
    const agent = await admin();
    const national = (await findPolicy(db, "complaint", null))!.id;
    expect((await agent.get(`/en/admin/deadlines/${national}/remove`)).statusCode).toBe(404);
    expect(
      (await agent.get("/en/admin/deadlines/00000000-0000-0000-0000-000000000000/remove")).statusCode,
    ).toBe(404);
    expect((await agent.post("/en/admin/deadlines/nope/remove")).statusCode).toBe(404);
  });
});
