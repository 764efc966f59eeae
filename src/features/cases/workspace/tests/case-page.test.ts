import { describe, expect, it } from "vitest";
import { contentKey } from "../../../../core/files/store.js";
import { deadlinePolicies } from "../../../calendar/tables.js";
import { caseAttachments, caseEvents } from "../../tables.js";
import { responseTemplates } from "../tables.js";
import { createCategory, insertCase, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const home = await structureIdOf(db, "gov-tn-11");

async function attach(caseId: string, data: Buffer, mime: string) {
  const { key } = contentKey(data);
  if (!(await app.files.get(key))) await app.files.put(key, data);
  const [row] = await db
    .insert(caseAttachments)
    .values({ caseId, fileKey: key, mime, size: data.length })
    .returning();
  return row!;
}

describe("the request page", () => {
  it("shows what was asked, the contact details, the deadline with its legal basis, and the whole history", async () => {
    await db.insert(deadlinePolicies).values({
      caseType: "information",
      structureId: home,
      workingDays: 20,
      pauseAllowed: false,
      legalBasis: {
        fr: "Loi organique n° 2016-22, article 14",
        ar: "القانون الأساسي عدد 22 لسنة 2016، الفصل 14",
      },
    });
    const c = await insertCase(db, {
      type: "information",
      accessTrack: "standard",
      description: "Première ligne.\nDeuxième ligne.",
      contactPhone: "+21620123456",
      dueAt: new Date(Date.now() + 7 * 86_400_000),
    });
    await db.insert(caseEvents).values([
      {
        caseId: c.id,
        kind: "note",
        internal: true,
        body: "Vérifier le registre.",
        actorId: people.agent.account.id,
      },
      {
        caseId: c.id,
        kind: "info_requested",
        body: "Quel registre ?",
        actorId: people.agent.account.id,
        details: { paused: false },
      },
    ]);
    const page = await people.agent.agent.get(`/fr/staff/requests/${c.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    const body = page.body;
    expect(body).toContain("Première ligne.<br/>Deuxième ligne.");
    expect(body).toContain("Amira Ben Salah");
    expect(body).toContain(c.contactEmail!);
    expect(body).toContain("+21620123456");
    // The law's limit in calendar days with its article; a structure's working-days policy does not apply.
    expect(body).toContain("Règle générale : réponse sous 20 jours (article 14)");
    expect(body).not.toContain("20 jours ouvrables");
    expect(body).toContain("Dans les délais");
    expect(body).toContain("Vérifier le registre.");
    expect(body).toContain("Quel registre ?");
    expect(body).toMatch(/Note interne.*Interne/s);
    expect(body).toContain("Agent Tunis");
    // Every action of an open request, each its own form.
    for (const action of ["assign", "reply", "ask", "note", "transfer", "duplicate", "close"]) {
      expect(body).toContain(`action="/fr/staff/requests/${c.id}/${action}"`);
    }
  });

  it("shows no contact details for an anonymous request, and no action that its status forbids", async () => {
    const c = await insertCase(db, {
      anonymous: true,
      contactName: null,
      contactEmail: null,
      status: "closed",
      outcome: "answered",
    });
    const body = (await people.agent.agent.get(`/en/staff/requests/${c.id}`)).body;
    expect(body).toContain("This request was sent anonymously: there are no contact details.");
    expect(body).not.toContain(`/staff/requests/${c.id}/reply`);
    expect(body).not.toContain(`/staff/requests/${c.id}/close`);
    expect(body).toContain(`/staff/requests/${c.id}/note`);
  });

  it("serves attachments as downloads that browsers will not sniff or keep", async () => {
    const c = await insertCase(db);
    const pdf = await attach(c.id, Buffer.from("%PDF-1.4\n%%EOF\n"), "application/pdf");
    const png = await attach(c.id, Buffer.from("89504e470d0a1a0a", "hex"), "image/png");
    const body = (await people.agent.agent.get(`/fr/staff/requests/${c.id}`)).body;
    expect(body).toContain(`/fr/staff/requests/${c.id}/files/${pdf.id}`);

    const file = await people.agent.agent.get(`/fr/staff/requests/${c.id}/files/${pdf.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toMatch(
      /^attachment; filename="EC-2026-\d+-[0-9a-f]{8}\.pdf"$/,
    );
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.headers["cache-control"]).toContain("no-store");
    expect(file.body).toContain("%PDF-1.4");
    const image = await people.agent.agent.get(`/fr/staff/requests/${c.id}/files/${png.id}`);
    expect(image.headers["content-type"]).toBe("image/png");

    // Another request's attachment, through this request's URL: not found.
    const other = await insertCase(db);
    expect((await people.agent.agent.get(`/fr/staff/requests/${other.id}/files/${pdf.id}`)).statusCode).toBe(
      404,
    );
    expect((await people.agent.agent.get(`/fr/staff/requests/${c.id}/files/nope`)).statusCode).toBe(404);
    expect((await people.otherAgent.agent.get(`/fr/staff/requests/${c.id}/files/${pdf.id}`)).statusCode).toBe(
      404,
    );
  });

  it("fills a response template's placeholders in the template's language", async () => {
    const category = await createCategory(db, "gov-tn-11");
    const c = await insertCase(db, { categoryId: category.id });
    const [template] = await db
      .insert(responseTemplates)
      .values({
        structureId: home,
        categoryId: category.id,
        locale: "fr",
        title: "Réparation",
        body: "Bonjour {name}, votre requête {reference} a été traitée par {structure} le {date}. {unknown}",
      })
      .returning();
    const [otherCategory] = await db
      .insert(responseTemplates)
      .values({
        structureId: home,
        categoryId: (await createCategory(db, "gov-tn-11")).id,
        locale: "fr",
        title: "Autre",
        body: "x",
      })
      .returning();
    const page = await people.agent.agent.get(`/ar/staff/requests/${c.id}?template=${template!.id}`);
    expect(page.body).toContain(
      `Bonjour Amira Ben Salah, votre requête ${c.reference} a été traitée par Gouvernorat de Tunis le `,
    );
    expect(page.body).toContain("{unknown}");
    expect(page.body).not.toContain(`value="${otherCategory!.id}"`);
    // An anonymous citizen is greeted as such.
    const anonymous = await insertCase(db, {
      categoryId: category.id,
      anonymous: true,
      contactName: null,
      contactEmail: null,
    });
    expect(
      (await people.agent.agent.get(`/fr/staff/requests/${anonymous.id}?template=${template!.id}`)).body,
    ).toContain("Bonjour citoyen,");
  });

  it("answers 404 for unknown and malformed ids, and for other structures' requests", async () => {
    const c = await insertCase(db, { structure: "gov-tn-12" });
    expect((await people.agent.agent.get(`/fr/staff/requests/${c.id}`)).statusCode).toBe(404);
    expect(
      (await people.agent.agent.get("/fr/staff/requests/01900000-0000-7000-8000-000000000000")).statusCode,
    ).toBe(404);
    expect((await people.agent.agent.get("/fr/staff/requests/1%27%20or%201=1")).statusCode).toBe(404);
    expect(
      (await people.agent.agent.post(`/fr/staff/requests/${c.id}/reply`, { body: "Hello" })).statusCode,
    ).toBe(404);
  });
});
