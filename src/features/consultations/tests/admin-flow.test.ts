import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { savePreferences } from "../../../../test/preferences.js";
import { outboxMessages } from "../../../core/mail/tables.js";
import { sendInstantNotices } from "../../subscriptions/digests.js";
import { subscriptions } from "../../subscriptions/tables.js";
import { outcomeFields } from "../commands/outcome.js";
import { consultationSections, consultationSyntheses, consultations } from "../tables.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer; type: string }) {
  const boundary = "----sharek-test";
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const body = Buffer.concat([
    Buffer.from(parts.join("")),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("a structure admin runs a consultation", () => {
  it("creates it, imports its text, builds the questionnaire, adds a PDF, opens, closes and publishes its outcome", async () => {
    const admin = await signedInAgent(app, database, {
      roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
    });
    const [structure] = await database.query<{ id: string }>(
      "select id from structures where code = 'mun-tn-11'",
    );

    // Only French is given: the other languages are optional.
    const form = await admin.agent.get("/fr/admin/consultations/new");
    expect(form.statusCode).toBe(200);
    const invalid = await admin.agent.post("/fr/admin/consultations/new", { structureId: structure!.id });
    expect(invalid.statusCode).toBe(422);
    // Each message names its field (and, for a text too long, its language).
    expect(invalid.body).toContain("Saisissez le titre dans au moins une langue");
    expect(invalid.body).toContain("Saisissez le résumé dans au moins une langue");
    const tooLong = await admin.agent.post("/fr/admin/consultations/new", {
      structureId: structure!.id,
      titleFr: "B".repeat(1000),
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toMatch(/Raccourcissez le titre en français à [\d\u202f ]+ caractères au plus/);
    const created = await admin.agent.post("/fr/admin/consultations/new", {
      structureId: structure!.id,
      titleFr: "Budget participatif 2027",
      summaryFr: "Comment répartir le budget d’investissement de la commune ?",
      theme: "local_governance",
      area: "municipality",
      municipality: "mun-tn-11",
      participation: "signed_in",
      opensAt: "2027-01-01",
      closesAt: "2027-02-28",
    });
    expect(created.statusCode).toBe(303);
    const [c] = await db.select().from(consultations).where(eq(consultations.createdBy, admin.account.id));
    expect(c).toMatchObject({ visibility: "draft", area: "municipality", governorateCode: "TN-11" });
    expect(c!.title).toEqual({ fr: "Budget participatif 2027" });
    const base = `/fr/admin/consultations/${c!.id}`;

    // A draft is not public.
    const someone = await signedInAgent(app, database);
    expect((await someone.agent.get(`/fr/consultations/${c!.id}`)).statusCode).toBe(404);

    const imported = await admin.agent.post(`${base}/sections/import`, {
      language: "fr",
      text: "# Article premier\nLe budget est voté chaque année.\n\n# Article 2\nLes quartiers proposent des projets.\n\n# Article 3\nLes citoyens votent.",
    });
    expect(imported.statusCode).toBe(303);
    const sections = await db
      .select()
      .from(consultationSections)
      .where(eq(consultationSections.consultationId, c!.id))
      .orderBy(consultationSections.position);
    expect(sections.map((s) => s.title.fr)).toEqual(["Article premier", "Article 2", "Article 3"]);

    expect(
      (
        await admin.agent.post(`${base}/questionnaire`, {
          kind: "single",
          promptFr: "Faut-il un budget participatif ?",
          optionsFr: "Oui\nNon",
          required: "yes",
        })
      ).statusCode,
    ).toBe(303);
    const mismatch = await admin.agent.post(`${base}/questionnaire`, {
      kind: "multiple",
      promptFr: "Quels projets ?",
      optionsFr: "Parcs\nRoutes",
      optionsAr: "حدائق",
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.body).toContain("même nombre d’options");

    // The CSRF token comes from the last page the admin saw.
    const page = await admin.agent.get(`${base}/documents`);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const addDocument = (title: string, file: { name: string; data: Buffer; type: string }) => {
      const upload = multipart({ _csrf: token, title }, file);
      return app.inject({
        method: "POST",
        url: `${base}/documents`,
        headers: { cookie: admin.agent.cookieHeader(), "content-type": upload.contentType },
        payload: upload.body,
      });
    };
    const uploaded = await addDocument("Projet de délibération", {
      name: "projet.pdf",
      data: pdf,
      type: "application/pdf",
    });
    expect(uploaded.statusCode).toBe(303);
    const notPdf = await addDocument("Faux", {
      name: "x.pdf",
      data: Buffer.from("hello"),
      type: "application/pdf",
    });
    expect(notPdf.statusCode).toBe(422);
    expect(notPdf.body).toContain("Le fichier doit être un PDF");

    // A follower hears of the opening.
    const follower = await signedInAgent(app, database);
    expect((await admin.agent.post(`${base}/open`)).statusCode).toBe(303);
    await sendInstantNotices(db, "https://sharek.tn"); // the minute's job, before they follow
    expect(
      (await follower.agent.post(`/fr/consultations/${c!.id}/follow`, { follow: "yes" })).statusCode,
    ).toBe(303);
    const [followed] = await db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.kind, "consultation"), eq(subscriptions.target, c!.id)));
    expect(followed?.accountId).toBe(follower.account.id);
    // They want news at once (the subscriptions hub sends it).
    expect(
      (await savePreferences(follower.agent, "fr", { "followed-news.frequency": "instant" })).statusCode,
    ).toBe(303);

    const publicPage = await follower.agent.get(`/fr/consultations/${c!.id}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain("Budget participatif 2027");
    expect(publicPage.body).toContain("Article premier");
    expect(publicPage.body).toContain("Projet de délibération");
    // Once open, the text no longer changes.
    const locked = await admin.agent.post(`${base}/sections`, { bodyFr: "Article 4" });
    expect(locked.statusCode).toBe(422);
    expect(locked.body).toContain("Le texte ne peut plus changer");

    await follower.agent.post(`/fr/consultations/${c!.id}/comments`, {
      body: "Très bonne idée.",
      alignment: "for",
      sectionId: sections[1]!.id,
    });
    // Admins see live figures while it is open.
    expect((await admin.agent.get(`${base}/results`)).body).toMatch(
      /"sh-stats__value">1<\/span><span class="sh-stats__label">participant</,
    );

    // The outcome can be written only once closed.
    expect((await admin.agent.post(`${base}/outcome`, { summaryFr: "x", action: "save" })).statusCode).toBe(
      422,
    );
    expect((await admin.agent.post(`${base}/close`)).statusCode).toBe(303);
    await sendInstantNotices(db, "https://sharek.tn");
    const mails = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, follower.account.email!));
    // In the follower's language (Arabic, the default), with the title in the language it exists in.
    expect(mails.map((m) => m.subject)).toEqual(["جديد: استشارة مغلقة: Budget participatif 2027"]);

    const outcome: Record<string, string> = {
      summaryFr: "Les habitants soutiennent le principe.",
      action: "publish",
    };
    const incomplete = await admin.agent.post(`${base}/outcome`, outcome);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.body).toContain("Choisissez ce qui a été décidé pour cet article");
    for (const [i, s] of sections.entries()) {
      const f = outcomeFields(s.id);
      outcome[f.decision] = ["kept", "changed", "dropped"][i]!;
      outcome[f.reasonFr] = `Raison ${i + 1}`;
      if (i === 0) outcome[f.link] = "https://www.iort.gov.tn/deliberation-2027";
      else outcome[f.noLinkFr] = "Le texte sera adopté en conseil municipal.";
    }
    const published = await admin.agent.post(`${base}/outcome`, outcome);
    expect(published.statusCode).toBe(303);
    const [synthesis] = await db
      .select()
      .from(consultationSyntheses)
      .where(eq(consultationSyntheses.consultationId, c!.id));
    expect(synthesis!.publishedAt).not.toBeNull();
    expect(synthesis!.figures).toMatchObject({ participants: 1, contributions: 1 });

    for (const [lang, heading] of [
      ["fr", "Ce que nous avons fait"],
      ["en", "What we did"],
      ["ar", "ما فعلناه"],
    ]) {
      const body = (
        await new (await import("../../../../test/app.js")).Agent(app).get(`/${lang}/consultations/${c!.id}`)
      ).body;
      expect(body).toContain(heading);
      expect(body).toContain("https://www.iort.gov.tn/deliberation-2027");
    }
    // The published record no longer changes.
    expect((await admin.agent.post(`${base}/outcome`, { ...outcome, summaryFr: "Autre" })).statusCode).toBe(
      422,
    );
    expect((await admin.agent.post(`${base}/edit`, { titleFr: "Autre" })).statusCode).toBe(422);

    const csv = await admin.agent.get(`${base}/export/contributions.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Très bonne idée.");
    expect(csv.body).toContain("P1");
    expect(csv.body).not.toContain(follower.account.email!);
    expect(csv.body).not.toContain(follower.account.displayName);
    const json = await admin.agent.get(`${base}/export/questionnaire.json`);
    expect(JSON.parse(json.body)).toMatchObject({ respondents: 0 });
  });

  it("keeps other structures' admins out of its consultations (404), and citizens out of the admin (403)", async () => {
    const owner = await signedInAgent(app, database, {
      roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
    });
    const [structure] = await database.query<{ id: string }>(
      "select id from structures where code = 'mun-tn-11'",
    );
    const [other] = await database.query<{ id: string }>(
      "select id from structures where code = 'gov-tn-12'",
    );
    const stranger = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-12", role: "structure_admin" }],
    });
    const draft = {
      summaryFr: "x",
      theme: "health",
      area: "national",
      participation: "signed_in",
      opensAt: "2027-01-01",
      closesAt: "2027-02-01",
    };
    const refused = await stranger.agent.post("/fr/admin/consultations/new", {
      structureId: structure!.id,
      titleFr: "Pas chez moi",
      ...draft,
    });
    expect(refused.statusCode).toBe(422);
    await owner.agent.get("/fr/admin/consultations/new");
    const ok = await stranger.agent.post("/fr/admin/consultations/new", {
      structureId: other!.id,
      titleFr: "Chez moi",
      ...draft,
    });
    expect(ok.statusCode).toBe(303);
    const id = /consultations\/([0-9a-f-]{36})/.exec(ok.headers.location as string)![1]!;
    expect((await owner.agent.get(`/fr/admin/consultations/${id}`)).statusCode).toBe(404);
    const citizen = await signedInAgent(app, database);
    expect((await citizen.agent.get("/fr/admin/consultations")).statusCode).toBe(403);
  });
});
