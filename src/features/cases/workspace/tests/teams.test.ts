import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../../test/accounts.js";
import { Agent } from "../../../../../test/app.js";
import { mailsTo } from "../../../../../test/mail.js";
import { savePreferences } from "../../../../../test/preferences.js";
import { sendRequestForm } from "../../../../../test/request-form.js";
import { auditEvents } from "../../../../core/audit/tables.js";
import { memberships } from "../../../../core/authz/tables.js";
import { runAssignmentSummary } from "../../jobs/assignment-summary.js";
import { cases, caseTeamMembers, caseTeams } from "../../tables.js";
import { caseRoutingRules } from "../tables.js";
import { createCategory, eventsOf, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const municipality = await structureIdOf(db, "mun-tn-11");
const env = { publicUrl: "https://sharek.example.tn", secret: "job-test-secret", features: [] };
const as = (displayName: string, email: string, role: "agent" | "structure_admin" = "agent") =>
  signedInAgent(app, database, { roles: [{ structure: "mun-tn-11", role }], displayName, email });
const mayor = await as("Maire Tunis", "maire@mun-tunis.tn", "structure_admin");
// The longest-serving agent of the municipality is in no team: a team's rule never picks them.
const outsider = await as("Agent Hors Équipe", "hors@mun-tunis.tn");
const first = await as("Amel Voirie", "amel@mun-tunis.tn");
const second = await as("Bilel Voirie", "bilel@mun-tunis.tn");
const names = { nameAr: "فريق الطرقات", nameFr: "Équipe voirie", nameEn: "Roads team" };

/** The municipality's team of that French name. */
async function teamNamed(fr: string) {
  const all = await db.select().from(caseTeams).where(eq(caseTeams.structureId, municipality));
  const team = all.find((t) => t.name.fr === fr);
  if (!team) throw new Error(`no team ${fr}`);
  return team;
}

/** The table row that holds a text, up to its end. */
const rowWith = (body: string, text: string) =>
  body
    .split("<tr")
    .find((r) => r.includes(text))
    ?.split("</tr>")[0];

async function fileOnTheWeb(categoryId: string) {
  const visitor = new Agent(app);
  const response = await sendRequestForm(app, visitor, "fr", {
    type: "complaint",
    structure: "gov-tn-11",
    category: categoryId,
    subject: "Trottoir effondré",
    description: "Le trottoir s'est effondré devant la pharmacie de l'avenue de Paris.",
    governorate: "TN-11",
    contactMode: "email",
    contactEmail: "citoyen@example.tn",
  });
  expect(response.statusCode, response.body).toBe(303);
  const follow = await visitor.get(response.headers.location as string);
  const reference = /EC-\d{4}-\d{6}/.exec(follow.body)![0];
  const [row] = await db.select().from(cases).where(eq(cases.reference, reference));
  return row!;
}

describe("teams", () => {
  it("lets a structure admin make a team of the structure's agents, in three languages", async () => {
    const page = await mayor.agent.get("/fr/staff/teams");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Aucune équipe pour l'instant");
    // The members are chosen among the structure's agents, with checkboxes (no script needed).
    expect(page.body).toMatch(
      new RegExp(`type="checkbox"[^>]*name="members"[^>]*value="${first.account.id}"`),
    );
    expect(page.body).not.toContain(people.agent.account.id);

    const empty = await mayor.agent.post("/fr/staff/teams", {
      structure: municipality,
      nameAr: "",
      nameFr: " ",
      nameEn: "Roads team",
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#nameAr"');
    expect(empty.body).toContain("Saisissez le nom de l'équipe en arabe");
    expect(empty.body).toContain("Saisissez le nom de l'équipe en français");
    expect(empty.body).toContain('value="Roads team"');
    // A member from another structure, a forged id: refused, in the page's language.
    const stranger = await mayor.agent.post("/ar/staff/teams", {
      structure: municipality,
      ...names,
      members: [first.account.id, people.agent.account.id],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.body).toContain('href="#members"');
    expect(stranger.body).toContain("اختر الأعضاء من بين أعوان هذا الهيكل");
    const forged = await mayor.agent.post("/en/staff/teams", {
      structure: municipality,
      ...names,
      members: "not-an-id",
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain("Choose the members among this structure");
    // The structure admin is no agent: not a member either.
    const admin = await mayor.agent.post("/fr/staff/teams", {
      structure: municipality,
      ...names,
      members: mayor.account.id,
    });
    expect(admin.statusCode).toBe(422);
    expect(await db.select().from(caseTeams).where(eq(caseTeams.structureId, municipality))).toEqual([]);

    const saved = await mayor.agent.post("/fr/staff/teams", {
      structure: municipality,
      ...names,
      members: [first.account.id, second.account.id],
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const team = await teamNamed("Équipe voirie");
    expect(team.name).toEqual({ ar: "فريق الطرقات", fr: "Équipe voirie", en: "Roads team" });
    const members = await db.select().from(caseTeamMembers).where(eq(caseTeamMembers.teamId, team.id));
    expect(members.map((m) => m.accountId).sort()).toEqual([first.account.id, second.account.id].sort());
    const list = await mayor.agent.get(`/ar/staff/teams?structure=${municipality}`);
    const row = rowWith(list.body, "فريق الطرقات")!;
    expect(row).toContain("Amel Voirie");
    expect(row).toContain("Bilel Voirie");
    expect(row).not.toContain("Agent Hors Équipe");
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, team.id));
    expect(entry).toMatchObject({ action: "case_team.create", structureId: municipality });

    // Editing: the names and members as saved, then changed.
    const edit = await mayor.agent.get(`/fr/staff/teams/${team.id}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="Équipe voirie"');
    expect(edit.body).toMatch(new RegExp(`value="${first.account.id}" checked`));
    const renamed = await mayor.agent.post(`/fr/staff/teams/${team.id}`, {
      ...names,
      nameFr: "Équipe voirie et trottoirs",
      members: [first.account.id, second.account.id],
    });
    expect(renamed.statusCode).toBe(303);
    expect((await teamNamed("Équipe voirie et trottoirs")).id).toBe(team.id);
    const badEdit = await mayor.agent.post(`/fr/staff/teams/${team.id}`, { ...names, nameEn: "" });
    expect(badEdit.statusCode).toBe(422);
    expect(badEdit.body).toContain("Saisissez le nom de l'équipe en anglais");
  });

  it("hides a team from other structures' staff, and its page from agents", async () => {
    const team = await teamNamed("Équipe voirie et trottoirs");
    // The governorate's admin and the central office's agents do not manage the municipality's teams.
    for (const other of [people.admin, people.otherAdmin]) {
      expect((await other.agent.get(`/fr/staff/teams/${team.id}`)).statusCode).toBe(404);
      expect((await other.agent.post(`/fr/staff/teams/${team.id}`, names)).statusCode).toBe(404);
      expect((await other.agent.get(`/fr/staff/teams?structure=${municipality}`)).statusCode).toBe(404);
      expect(
        (await other.agent.post("/fr/staff/teams", { structure: municipality, ...names })).statusCode,
      ).toBe(404);
      expect((await other.agent.get("/fr/staff/teams")).body).not.toContain("Équipe voirie");
    }
    // Agents, even members, do not manage teams.
    expect((await first.agent.get("/fr/staff/teams")).statusCode).toBe(403);
    expect((await first.agent.get(`/fr/staff/teams/${team.id}`)).statusCode).toBe(404);
    expect((await teamNamed("Équipe voirie et trottoirs")).name.fr).toBe("Équipe voirie et trottoirs");
  });

  it("routes a rule's requests to a team: in turn among its members only, or waiting in its queue", async () => {
    const team = await teamNamed("Équipe voirie et trottoirs");
    const pavements = await createCategory(db, "gov-tn-11");
    const rule = {
      category: pavements.id,
      governorate: "TN-11",
      structure: municipality,
      team: team.id,
      assignment: "round_robin",
    };
    // A team of another structure, a forged id: refused.
    const [elsewhere] = await db
      .insert(caseTeams)
      .values({
        structureId: await structureIdOf(db, "gov-tn-11"),
        name: { ar: "الاستقبال", fr: "Accueil", en: "Front desk" },
      })
      .returning();
    for (const wrong of [elsewhere!.id, "01900000-0000-7000-8000-000000000000", "x"]) {
      const response = await mayor.agent.post("/fr/staff/routing", { ...rule, team: wrong });
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain('href="#team"');
      expect(response.body).toContain("Choisissez une équipe de la structure destinataire");
    }
    const form = await mayor.agent.get("/fr/staff/routing");
    expect(form.body).toContain(`<option value="${team.id}" dir="auto">`);
    expect(form.body).not.toContain(`<option value="${elsewhere!.id}"`);
    // A named agent must be one of the team's.
    const notMember = await mayor.agent.post("/fr/staff/routing", {
      ...rule,
      assignment: "agent",
      agent: outsider.account.id,
    });
    expect(notMember.statusCode).toBe(422);
    expect(notMember.body).toContain('href="#agent"');
    expect(notMember.body).toContain("Choisissez un agent membre de cette équipe");
    expect((await mayor.agent.post("/fr/staff/routing", rule)).statusCode).toBe(303);
    const listed = await mayor.agent.get("/fr/staff/routing");
    expect(rowWith(listed.body, `Catégorie ${pavements.code}`)).toContain("Équipe voirie et trottoirs");

    const one = await fileOnTheWeb(pavements.id);
    const two = await fileOnTheWeb(pavements.id);
    const three = await fileOnTheWeb(pavements.id);
    expect([one.assigneeId, two.assigneeId].sort()).toEqual([first.account.id, second.account.id].sort());
    expect(three.assigneeId).toBe(one.assigneeId);
    for (const c of [one, two, three]) {
      expect(c).toMatchObject({ structureId: municipality, teamId: team.id, status: "in_progress" });
      expect(c.assigneeId).not.toBe(outsider.account.id);
    }
    const events = await eventsOf(db, one.id);
    expect(events.map((e) => e.kind)).toEqual(["submitted", "routed", "assigned"]);
    expect(events[1]!.details).toMatchObject({ to: municipality, teamId: team.id });
    expect(events[2]!.details).toMatchObject({ strategy: "round_robin", teamId: team.id });
    const page = await first.agent.get(`/fr/staff/requests/${one.id}`);
    expect(page.body).toContain("Dans la file de l'équipe : Équipe voirie et trottoirs.");

    // The least loaded among the members: the agent in no team carries nothing, yet is never picked.
    expect(await db.$count(cases, eq(cases.assigneeId, outsider.account.id))).toBe(0);
    const kerbs = await createCategory(db, "gov-tn-11");
    const leastLoaded = { ...rule, category: kerbs.id, assignment: "least_loaded" };
    expect((await mayor.agent.post("/fr/staff/routing", leastLoaded)).statusCode).toBe(303);
    const lighter = one.assigneeId === first.account.id ? second : first;
    expect((await fileOnTheWeb(kerbs.id)).assigneeId).toBe(lighter.account.id);
  });

  it("leaves a request unassigned in the team's queue and tells its members as each chose", async () => {
    const team = await teamNamed("Équipe voirie et trottoirs");
    const benches = await createCategory(db, "gov-tn-11");
    expect(
      (
        await mayor.agent.post("/fr/staff/routing", {
          category: benches.id,
          governorate: "",
          structure: municipality,
          team: team.id,
          assignment: "none",
        })
      ).statusCode,
    ).toBe(303);
    // The second member reads a daily summary instead of a mail each time.
    expect(
      (await savePreferences(second.agent, "fr", { "request-assigned.frequency": "daily" })).statusCode,
    ).toBe(303);
    const filed = await fileOnTheWeb(benches.id);
    expect(filed).toMatchObject({
      structureId: municipality,
      teamId: team.id,
      assigneeId: null,
      status: "new",
    });

    const told = (await mailsTo(database, "amel@mun-tunis.tn")).filter((m) =>
      m.subject.includes(filed.reference),
    );
    expect(told).toHaveLength(1);
    // In the member's language (Arabic, their account's).
    expect(told[0]!.subject).toBe(`المطلب ${filed.reference} ينتظر في قائمة فريقك`);
    expect(told[0]!.textBody).toContain("فريق الطرقات");
    expect(told[0]!.textBody).toContain(`/staff/requests/${filed.id}`);
    const notNow = async (address: string) =>
      (await mailsTo(database, address)).filter((m) => m.subject.includes(filed.reference));
    expect(await notNow("bilel@mun-tunis.tn")).toEqual([]);
    expect(await notNow("hors@mun-tunis.tn")).toEqual([]);
    // The daily summary lists it for the member who chose one.
    expect(await runAssignmentSummary(db, new Date(Date.now() + 60_000), env)).toBeGreaterThanOrEqual(1);
    const summary = (await mailsTo(database, "bilel@mun-tunis.tn")).find((m) =>
      m.textBody.includes(filed.reference),
    );
    expect(summary?.textBody).toContain("إلى قائمة أحد فرقك منذ الملخّص السابق");

    // "My teams": the members' queue holds it; the agent in no team does not see it there.
    const mine = `/fr/staff/requests?structure=${municipality}&team=mine`;
    expect((await first.agent.get(mine)).body).toContain(filed.reference);
    const theirs = await outsider.agent.get(mine);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain(filed.reference);
    expect((await outsider.agent.get(`/fr/staff/requests?structure=${municipality}`)).body).toContain(
      filed.reference,
    );
  });

  it("takes an agent whose role is withdrawn out of the structure's teams", async () => {
    const team = await teamNamed("Équipe voirie et trottoirs");
    const [membership] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.accountId, second.account.id), eq(memberships.structureId, municipality)));
    const revoked = await mayor.agent.post(`/fr/admin/staff/memberships/${membership!.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(303);
    const members = await db.select().from(caseTeamMembers).where(eq(caseTeamMembers.teamId, team.id));
    expect(members.map((m) => m.accountId)).toEqual([first.account.id]);
  });

  it("deletes a team only once no routing rule sends requests to it; its requests stay, without a team", async () => {
    const team = await teamNamed("Équipe voirie et trottoirs");
    const [queued] = await db.select().from(cases).where(eq(cases.teamId, team.id)).limit(1);
    expect(queued).toBeDefined();
    // Another structure's admin cannot delete it.
    expect((await people.admin.agent.post(`/fr/staff/teams/${team.id}/delete`)).statusCode).toBe(404);
    const refused = await mayor.agent.post(`/fr/staff/teams/${team.id}/delete`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('href="#delete-team"');
    expect(refused.body).toMatch(
      /\d+ règles d'orientation envoient des requêtes à cette équipe : supprimez-les d'abord/,
    );
    for (const rule of await db
      .select()
      .from(caseRoutingRules)
      .where(eq(caseRoutingRules.targetTeamId, team.id))) {
      expect((await mayor.agent.post(`/fr/staff/routing/${rule.id}/delete`)).statusCode).toBe(303);
    }
    const deleted = await mayor.agent.post(`/fr/staff/teams/${team.id}/delete`);
    expect(deleted.statusCode).toBe(303);
    expect(await db.select().from(caseTeams).where(eq(caseTeams.id, team.id))).toEqual([]);
    expect(await db.select().from(caseTeamMembers).where(eq(caseTeamMembers.teamId, team.id))).toEqual([]);
    const [after] = await db.select().from(cases).where(eq(cases.id, queued!.id));
    expect(after).toMatchObject({ structureId: municipality, teamId: null });
    expect((await mayor.agent.get(`/fr/staff/teams/${team.id}`)).statusCode).toBe(404);
  });
});
