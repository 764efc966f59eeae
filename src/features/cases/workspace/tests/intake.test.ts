import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Agent, TEST_COOKIE_SECRET } from "../../../../../test/app.js";
import { mailsTo } from "../../../../../test/mail.js";
import { outboxMessages } from "../../../../core/mail/tables.js";
import { followPinFor, formatPin } from "../../follow-code.js";
import { structureCaseStats } from "../../stats/queries.js";
import { cases } from "../../tables.js";
import { auditOf, eventsOf, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const tunis = await structureIdOf(db, "gov-tn-11");

/** Opens the intake form as the agent would, and answers its one-time key. */
async function openForm(agent: Agent, lang = "fr") {
  const page = await agent.get(`/${lang}/staff/requests/new`);
  expect(page.statusCode).toBe(200);
  return /name="submissionKey" value="([^"]+)"/.exec(page.body)![1]!;
}

const phoneCall = {
  structure: "gov-tn-11",
  channel: "phone",
  type: "complaint",
  subject: "Coupure d'eau rue de Marseille",
  description: "Le citoyen signale par téléphone une coupure d'eau depuis trois jours rue de Marseille.",
  governorate: "TN-11",
  contactName: "Hédi Trabelsi",
  contactPhone: "20 123 456",
};

const byReference = async (reference: string) =>
  (await db.select().from(cases).where(eq(cases.reference, reference)))[0]!;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("a request taken at the counter, by phone or by post", () => {
  it("is filed by an agent for a person with no e-mail: the receipt carries the reference and the follow-up link", async () => {
    const { agent, account } = people.agent;
    const submissionKey = await openForm(agent);
    const before = await structureCaseStats(db, tunis);
    const mailsBefore = (await db.select().from(outboxMessages)).length;

    const sent = await agent.post("/fr/staff/requests/new", { ...phoneCall, submissionKey });
    expect(sent.statusCode).toBe(303);
    const receiptPath = sent.headers.location as string;
    expect(receiptPath).toMatch(/^\/fr\/staff\/requests\/receipt\/[\w-]+$/);

    const receipt = await agent.get(receiptPath);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers["referrer-policy"]).toBe("no-referrer");
    const reference = /EC-\d{4}-\d{6}/.exec(receipt.body)![0];
    const page = text(receipt.body);
    expect(page).toContain("Reçu de dépôt d’une requête");
    expect(page).toContain("Par téléphone");
    expect(page).toContain("Gouvernorat de Tunis");
    expect(page).toContain("Réclamation");
    expect(page).toContain("Hédi Trabelsi");
    // The deadline is the request's own, and the link is the citizen side's follow-up page.
    const row = await byReference(reference);
    expect(row.dueAt).not.toBeNull();
    const token = receiptPath.split("/").at(-1)!;
    expect(receipt.body).toContain(`/fr/requests/follow/${token}`);
    // The printed receipt leaves the agent's links off paper.
    expect(receipt.body).toContain('class="sh-case-receipt__actions"');
    // It carries the follow code too, and the follow page's address to type it at.
    const pin = /<bdi class="sh-ref" dir="ltr">(\d{4} \d{4})<\/bdi>/.exec(receipt.body)?.[1];
    expect(pin).toBe(formatPin(followPinFor(TEST_COOKIE_SECRET, token)));
    expect(page).toContain("/fr/requests/follow et saisissez la référence et le code de suivi");

    expect(row).toMatchObject({
      channel: "phone",
      submitterId: null,
      contactName: "Hédi Trabelsi",
      contactEmail: null,
      contactPhone: "+21620123456",
      anonymous: false,
    });
    // Nobody to mail: the outbox got nothing.
    expect((await db.select().from(outboxMessages)).length).toBe(mailsBefore);

    // The timeline names the agent who took the call.
    const [submitted] = await eventsOf(db, row.id);
    expect(submitted).toMatchObject({
      kind: "submitted",
      actorId: account.id,
      details: { channel: "phone" },
    });
    const casePage = text((await agent.get(`/fr/staff/requests/${row.id}`)).body);
    expect(casePage).toContain("Reçue par téléphone");
    expect(casePage).toContain("Agent Tunis");
    expect((await auditOf(db, row.id)).map((e) => e.action)).toEqual(["case.file"]);

    // The person follows it with the link, with no account.
    const follow = await new Agent(app).get(`/fr/requests/follow/${token}`);
    expect(follow.statusCode).toBe(200);
    expect(follow.body).toContain(reference);
    // Or, with only the paper, types the reference and the code at the follow page.
    const person = new Agent(app);
    const form = await person.get("/fr/requests/follow");
    const opened = await person.post("/fr/requests/follow", { reference, pin: pin! });
    expect(form.statusCode).toBe(200);
    expect(opened.statusCode).toBe(303);
    const byCode = await person.get(opened.headers.location as string);
    expect(byCode.statusCode).toBe(200);
    expect(byCode.body).toContain("Coupure d'eau rue de Marseille");

    // The statistics count it under its channel.
    const after = await structureCaseStats(db, tunis);
    expect(after.byChannel.phone).toBe(before.byChannel.phone + 1);
    expect(after.byChannel.web).toBe(before.byChannel.web);
  });

  it("mails the reference to a person who gave an e-mail, and keeps their postal address", async () => {
    const { agent } = people.admin;
    const submissionKey = await openForm(agent, "ar");
    const email = `counter-${Date.now()}@example.tn`;
    const sent = await agent.post("/ar/staff/requests/new", {
      ...phoneCall,
      channel: "counter",
      contactPhone: "",
      contactEmail: email,
      contactAddress: "12 نهج الحرية، تونس",
      submissionKey,
    });
    expect(sent.statusCode).toBe(303);
    const receipt = await agent.get(sent.headers.location as string);
    const reference = /EC-\d{4}-\d{6}/.exec(receipt.body)![0];
    expect(receipt.body).toContain("بالشبّاك");
    const [mail] = await mailsTo(database, email);
    expect(mail?.textBody).toContain(reference);
    expect(mail?.textBody).toContain("/ar/requests/follow/");
    expect(await byReference(reference)).toMatchObject({
      channel: "counter",
      contactAddress: "12 نهج الحرية، تونس",
    });
  });

  it("records the municipality the person names, and refuses one outside the chosen governorate", async () => {
    const { agent } = people.agent;
    const tunisCity = await structureIdOf(db, "mun-tn-11");
    const sfaxCity = await structureIdOf(db, "mun-tn-61");
    const outside = await agent.post("/fr/staff/requests/new", {
      ...phoneCall,
      subject: "Nid-de-poule hors gouvernorat",
      municipality: sfaxCity,
      submissionKey: await openForm(agent),
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.body).toContain("Cette municipalité n'est pas dans le gouvernorat choisi");
    expect(outside.body).toContain('href="#municipality"');
    const sent = await agent.post("/fr/staff/requests/new", {
      ...phoneCall,
      subject: "Nid-de-poule avenue Bourguiba",
      municipality: tunisCity,
      submissionKey: await openForm(agent),
    });
    expect(sent.statusCode).toBe(303);
    const [filed] = await db.select().from(cases).where(eq(cases.subject, "Nid-de-poule avenue Bourguiba"));
    expect(filed).toMatchObject({ municipalityId: tunisCity, governorateCode: "TN-11" });
    expect(
      await db.select().from(cases).where(eq(cases.subject, "Nid-de-poule hors gouvernorat")),
    ).toHaveLength(0);
  });

  it("gives back the same receipt when the form is sent twice, and files one request", async () => {
    const { agent } = people.agent;
    const submissionKey = await openForm(agent);
    const form = { ...phoneCall, channel: "post", subject: "Lettre reçue par courrier", submissionKey };
    const first = await agent.post("/fr/staff/requests/new", form);
    const second = await agent.post("/fr/staff/requests/new", form);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    const rows = await db.select().from(cases).where(eq(cases.subject, "Lettre reçue par courrier"));
    expect(rows).toHaveLength(1);
  });

  it("refuses a form without the person's name or with a wrong e-mail, says why, and keeps what was typed", async () => {
    const { agent } = people.agent;
    const submissionKey = await openForm(agent);
    const answer = await agent.post("/fr/staff/requests/new", {
      ...phoneCall,
      subject: "Sans nom de citoyen",
      contactName: "",
      contactEmail: "pas-une-adresse",
      submissionKey,
    });
    expect(answer.statusCode).toBe(422);
    expect(answer.body).toContain("Saisissez le nom de la personne");
    expect(answer.body).toContain("Indiquez une adresse e-mail valide");
    expect(answer.body).toContain('href="#contact-name"');
    expect(answer.body).toContain("Sans nom de citoyen");
    expect(answer.body).toContain(`value="${submissionKey}"`);
    expect(await db.select().from(cases).where(eq(cases.subject, "Sans nom de citoyen"))).toHaveLength(0);
  });

  it("refuses a forged channel, a structure the agent does not handle, and a form without its CSRF token", async () => {
    const { agent } = people.agent;
    const submissionKey = await openForm(agent);
    const forged = await agent.post("/fr/staff/requests/new", {
      ...phoneCall,
      channel: "web",
      subject: "Canal falsifié",
      submissionKey,
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain("Choisissez comment la requête est arrivée");

    const elsewhere = await agent.post("/fr/staff/requests/new", {
      ...phoneCall,
      structure: "gov-tn-12",
      subject: "Structure d'autrui",
      submissionKey,
    });
    expect(elsewhere.statusCode).toBe(404);

    const noToken = await agent.post(
      "/fr/staff/requests/new",
      { ...phoneCall, subject: "Sans jeton", submissionKey },
      { csrf: false },
    );
    expect(noToken.statusCode).toBe(403);
    for (const subject of ["Canal falsifié", "Structure d'autrui", "Sans jeton"])
      expect(await db.select().from(cases).where(eq(cases.subject, subject))).toHaveLength(0);
  });

  it("shows the receipt only to the request's staff", async () => {
    const submissionKey = await openForm(people.agent.agent);
    const sent = await people.agent.agent.post("/fr/staff/requests/new", {
      ...phoneCall,
      subject: "Reçu réservé",
      submissionKey,
    });
    const path = sent.headers.location as string;
    expect((await people.colleague.agent.get(path)).statusCode).toBe(200);
    expect((await people.otherAgent.agent.get(path)).statusCode).toBe(404);
    expect((await people.otherAgent.agent.get("/fr/staff/requests/receipt/not-a-token")).statusCode).toBe(
      404,
    );
  });

  it("exists in Arabic, French and English, with a link from the workspace", async () => {
    for (const [lang, title] of [
      ["ar", "تسجيل مطلب وارد بالشبّاك أو بالهاتف أو بالبريد"],
      ["fr", "Enregistrer une requête reçue au guichet, par téléphone ou par courrier"],
      ["en", "Record a request received at the counter, by phone or by post"],
    ] as const) {
      const page = await people.agent.agent.get(`/${lang}/staff/requests/new`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(title);
      expect(page.body).toContain('enctype="multipart/form-data"');
      const queue = await people.agent.agent.get(`/${lang}/staff/requests`);
      expect(queue.body).toContain(`href="/${lang}/staff/requests/new"`);
    }
  });
});
