import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../../test/accounts.js";
import { Agent } from "../../../../../test/app.js";
import { mailsTo } from "../../../../../test/mail.js";
import { sendRequestForm } from "../../../../../test/request-form.js";
import { structures } from "../../../../core/structures/tables.js";
import { issueKey, postRequest } from "../../../open311/testing.js";
import { OPEN_STATUSES } from "../../lifecycle.js";
import { cases } from "../../tables.js";
import { agentOpenLoad } from "../tables.js";
import { createCategory, eventsOf, reload, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const municipality = await structureIdOf(db, "mun-tn-11");
const governorate = await structureIdOf(db, "gov-tn-11");
// Two agents of the Municipality of Tunis, the first one longer in post.
const first = await signedInAgent(app, database, {
  roles: [{ structure: "mun-tn-11", role: "agent" }],
  displayName: "Première Agente",
  email: "premiere@mun-tunis.tn",
});
const second = await signedInAgent(app, database, {
  roles: [{ structure: "mun-tn-11", role: "agent" }],
  displayName: "Second Agent",
  email: "second@mun-tunis.tn",
});
const { key } = await issueKey(db);

/** Files a complaint through the web form, as a visitor would (from a municipality, when one is named). */
async function fileOnTheWeb(categoryId: string, governorateCode: string, municipalityId?: string) {
  const visitor = new Agent(app);
  const response = await sendRequestForm(app, visitor, "fr", {
    type: "complaint",
    structure: "gov-tn-11",
    category: categoryId,
    subject: "Nid-de-poule dangereux",
    description: "Un nid-de-poule profond s'est ouvert devant l'école primaire de la rue de Rome.",
    governorate: governorateCode,
    ...(municipalityId ? { municipality: municipalityId } : {}),
    contactMode: "email",
    contactEmail: "citoyen@example.tn",
  });
  expect(response.statusCode, response.body).toBe(303);
  const follow = await visitor.get(response.headers.location as string);
  const reference = /EC-\d{4}-\d{6}/.exec(follow.body)![0];
  return caseByReference(reference);
}

async function fileThroughOpen311(categoryCode: string) {
  const response = await postRequest(app, "json", {
    api_key: key,
    service_code: `gov-tn-11.${categoryCode}`,
    lat: "36.8065",
    long: "10.1815",
    description: "La chaussée est effondrée devant la poste, les voitures font un écart.",
    email: "habitant@example.tn",
  });
  expect(response.statusCode, response.body).toBe(200);
  return caseByReference(
    (JSON.parse(response.body) as Array<{ service_request_id: string }>)[0]!.service_request_id,
  );
}

async function caseByReference(reference: string) {
  const [row] = await db.select().from(cases).where(eq(cases.reference, reference));
  return row!;
}

async function addRule(fields: Record<string, string>) {
  const response = await people.platformAdmin.agent.post("/fr/staff/routing", fields);
  expect(response.statusCode, response.body).toBe(303);
}

describe("routing at intake", () => {
  it("sends requests filed on the web and through Open311 to the rule's structure, to its agents in turn", async () => {
    const roads = await createCategory(db, "gov-tn-11");
    await addRule({
      category: roads.id,
      governorate: "TN-11",
      structure: municipality,
      assignment: "round_robin",
    });

    const web = await fileOnTheWeb(roads.id, "TN-11");
    expect(web).toMatchObject({
      structureId: municipality,
      assigneeId: first.account.id,
      status: "in_progress",
    });
    const api = await fileThroughOpen311(roads.code);
    expect(api).toMatchObject({ structureId: municipality, assigneeId: second.account.id });
    expect((await fileOnTheWeb(roads.id, "TN-11")).assigneeId).toBe(first.account.id);

    // The timeline says which rule decided, and how the agent was chosen.
    const events = await eventsOf(db, web.id);
    expect(events.map((e) => e.kind)).toEqual(["submitted", "routed", "assigned"]);
    const ruleId = events[1]!.details.ruleId;
    expect(events[1]).toMatchObject({
      internal: true,
      details: { from: governorate, to: municipality, anyPlace: false },
    });
    expect(events[2]!.details).toMatchObject({
      to: first.account.id,
      auto: true,
      ruleId,
      strategy: "round_robin",
    });
    const page = await first.agent.get(`/fr/staff/requests/${web.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Orientation automatique");
    expect(page.body).toMatch(
      /Orientée vers .*Tunis.* par la règle d'orientation de cette catégorie dans ce gouvernorat/,
    );
    expect(page.body).toContain("Choisi par la règle d'orientation : les agents à tour de rôle.");

    // Each agent is told by mail, with the request's reference and link.
    const [mail] = await mailsTo(database, "premiere@mun-tunis.tn");
    expect(mail?.textBody).toContain(`/staff/requests/`);
    expect(
      (await mailsTo(database, "premiere@mun-tunis.tn")).some((m) => m.subject.includes(web.reference)),
    ).toBe(true);
    expect(
      (await mailsTo(database, "second@mun-tunis.tn")).some((m) => m.subject.includes(api.reference)),
    ).toBe(true);
    // The citizen still gets the acknowledgement.
    expect(await mailsTo(database, "citoyen@example.tn")).not.toHaveLength(0);

    // The routing page counts what the rule routed.
    const routing = await people.platformAdmin.agent.get("/fr/staff/routing");
    const row = routing.body.split("<tr").find((r) => r.includes(`Catégorie ${roads.code}`))!;
    expect(row).toContain("Aux agents à tour de rôle");
    expect(row).toMatch(/sh-table__cell--numeric">3</);
  });

  it("hands a request to the least-loaded agent, or to the agent a rule names", async () => {
    const lighting = await createCategory(db, "gov-tn-11");
    await addRule({
      category: lighting.id,
      governorate: "",
      structure: municipality,
      assignment: "least_loaded",
    });
    const before = await Promise.all(
      [first, second].map(async (a) => db.$count(cases, eq(cases.assigneeId, a.account.id))),
    );
    const leastLoaded = before[0]! <= before[1]! ? first : second;
    // Any governorate: the rule for every place applies.
    const filed = await fileOnTheWeb(lighting.id, "TN-12");
    expect(filed).toMatchObject({ structureId: municipality, assigneeId: leastLoaded.account.id });
    expect((await eventsOf(db, filed.id))[1]!.details).toMatchObject({ anyPlace: true });

    const water = await createCategory(db, "gov-tn-11");
    await addRule({
      category: water.id,
      governorate: "TN-11",
      structure: municipality,
      assignment: "agent",
      agent: second.account.id,
    });
    expect((await fileThroughOpen311(water.code)).assigneeId).toBe(second.account.id);
  });

  it("weighs only open requests: once an agent closes theirs, the next request goes to them", async () => {
    const signs = await createCategory(db, "gov-tn-11");
    await addRule({
      category: signs.id,
      governorate: "",
      structure: municipality,
      assignment: "least_loaded",
    });
    /** What agent_open_load says, checked against a count of the requests themselves. */
    const openLoad = async (agent: typeof first) => {
      const [row] = await db
        .select()
        .from(agentOpenLoad)
        .where(eq(agentOpenLoad.accountId, agent.account.id));
      const counted = await db.$count(
        cases,
        and(eq(cases.assigneeId, agent.account.id), inArray(cases.status, [...OPEN_STATUSES])),
      );
      expect(row?.n ?? 0).toBe(counted);
      return counted;
    };
    // Whoever has fewer open requests gets the next one, until both carry the same load.
    for (let i = 0; i < 6 && (await openLoad(first)) !== (await openLoad(second)); i++) {
      const lighter = (await openLoad(first)) < (await openLoad(second)) ? first : second;
      expect((await fileOnTheWeb(signs.id, "TN-11")).assigneeId).toBe(lighter.account.id);
    }
    expect(await openLoad(first)).toBe(await openLoad(second));
    // The second agent closes one of theirs, and the first takes over another: lighter by three.
    const mine = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.assigneeId, second.account.id), inArray(cases.status, [...OPEN_STATUSES])))
      .limit(2);
    expect(mine).toHaveLength(2);
    const close = await second.agent.post(`/fr/staff/requests/${mine[0]!.id}/close`, {
      outcome: "withdrawn",
    });
    expect(close.statusCode, close.body).toBe(303);
    const takeOver = await first.agent.post(`/fr/staff/requests/${mine[1]!.id}/assign`, { assignee: "me" });
    expect(takeOver.statusCode, takeOver.body).toBe(303);
    expect((await openLoad(first)) - (await openLoad(second))).toBe(3);
    expect((await fileOnTheWeb(signs.id, "TN-11")).assigneeId).toBe(second.account.id);
    expect((await fileOnTheWeb(signs.id, "TN-11")).assigneeId).toBe(second.account.id);
  });

  it("leaves a request where it was filed when no rule matches, and routes without assigning when the rule says so", async () => {
    const parks = await createCategory(db, "gov-tn-11");
    const untouched = await fileOnTheWeb(parks.id, "TN-11");
    expect(untouched).toMatchObject({ structureId: governorate, assigneeId: null, status: "new" });
    expect((await eventsOf(db, untouched.id)).map((e) => e.kind)).toEqual(["submitted"]);

    await addRule({ category: parks.id, governorate: "TN-11", structure: municipality });
    const routed = await fileOnTheWeb(parks.id, "TN-11");
    expect(await reload(db, routed.id)).toMatchObject({
      structureId: municipality,
      assigneeId: null,
      status: "new",
    });
    expect((await eventsOf(db, routed.id)).map((e) => e.kind)).toEqual(["submitted", "routed"]);
    // It waits in the municipality's queue, not the governorate's.
    const queue = await first.agent.get(`/fr/staff/requests?structure=${municipality}`);
    expect(queue.body).toContain(routed.reference);
  });

  it("routes by the category's rule for the request's municipality before its governorate's", async () => {
    // A second municipality of the governorate of Tunis, beside the Municipality of Tunis.
    const [bardo] = await db
      .insert(structures)
      .values({
        code: "mun-tn-11-bardo",
        kind: "municipality",
        parentId: governorate,
        governorateCode: "TN-11",
        name: { ar: "بلدية باردو", fr: "Municipalité du Bardo", en: "Municipality of Le Bardo" },
        summary: { ar: "خدمات القرب.", fr: "Services de proximité.", en: "Local services." },
      })
      .returning();
    const bardoAgent = await signedInAgent(app, database, {
      roles: [{ structure: "mun-tn-11-bardo", role: "agent" }],
      displayName: "Agent Bardo",
      email: "agent@bardo.tn",
    });
    const waste = await createCategory(db, "gov-tn-11");
    await addRule({ category: waste.id, governorate: "TN-11", structure: municipality });
    await addRule({
      category: waste.id,
      governorate: "TN-11",
      municipality: bardo!.id,
      structure: bardo!.id,
      assignment: "least_loaded",
    });

    const fromBardo = await fileOnTheWeb(waste.id, "TN-11", bardo!.id);
    expect(fromBardo).toMatchObject({
      structureId: bardo!.id,
      municipalityId: bardo!.id,
      assigneeId: bardoAgent.account.id,
    });
    const fromTunis = await fileOnTheWeb(waste.id, "TN-11", municipality);
    expect(fromTunis).toMatchObject({
      structureId: municipality,
      municipalityId: municipality,
      assigneeId: null,
    });
    // No municipality named: the governorate's rule; the municipality alone gives the governorate.
    expect((await fileOnTheWeb(waste.id, "TN-11")).structureId).toBe(municipality);
    expect(await fileOnTheWeb(waste.id, "", bardo!.id)).toMatchObject({
      structureId: bardo!.id,
      governorateCode: "TN-11",
    });

    // The timeline records the place of the rule that decided.
    const [, routedBardo] = await eventsOf(db, fromBardo.id);
    expect(routedBardo).toMatchObject({
      kind: "routed",
      details: { to: bardo!.id, place: "municipality", governorateCode: "TN-11", municipalityId: bardo!.id },
    });
    const [, routedTunis] = await eventsOf(db, fromTunis.id);
    expect(routedTunis!.details).toMatchObject({
      to: municipality,
      place: "governorate",
      governorateCode: "TN-11",
      municipalityId: null,
    });
    expect(routedTunis!.details.ruleId).not.toBe(routedBardo!.details.ruleId);
    const page = await bardoAgent.agent.get(`/fr/staff/requests/${fromBardo.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      "Orientée vers Municipalité du Bardo par la règle d'orientation de cette catégorie dans cette municipalité (Municipalité du Bardo).",
    );

    // A municipality outside the governorate given is refused, in the page's language.
    const visitor = new Agent(app);
    const refused = await sendRequestForm(app, visitor, "ar", {
      type: "complaint",
      structure: "gov-tn-11",
      category: waste.id,
      subject: "فضلات متراكمة",
      description: "تتراكم الفضلات منذ أسبوع أمام المدرسة الابتدائية في نهج روما.",
      governorate: "TN-12",
      municipality: bardo!.id,
      contactMode: "email",
      contactEmail: "citoyen@example.tn",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#municipality"');
    expect(refused.body).toContain("هذه البلدية ليست في الولاية المختارة");
    const forged = await sendRequestForm(app, visitor, "fr", {
      type: "complaint",
      structure: "gov-tn-11",
      subject: "Ordures entassées",
      description: "Les ordures s'entassent depuis une semaine devant l'école de la rue de Rome.",
      municipality: governorate,
      contactMode: "email",
      contactEmail: "citoyen@example.tn",
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain("Choisissez la municipalité dans la liste");
  });
});
