import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { Agent, createTestApp } from "../../../../test/app.js";
import { mailsTo } from "../../../../test/mail.js";
import { accounts } from "../../../core/auth/tables.js";
import { saveModerationRules } from "../../moderation/rules.js";
import {
  consultationComments,
  consultationOutcomes,
  consultationSections,
  consultationSyntheses,
  consultations,
} from "../tables.js";
import { createTestConsultation } from "../testing.js";
import { consultationAmendments } from "./tables.js";

const { app, database } = await createTestApp();
const db = database.db;
await saveModerationRules(db, { newAccountDays: 0, words: [], burstMax: 100, burstMinutes: 1 });

async function draftConsultation() {
  const { consultation: c, sections } = await createTestConsultation(db, { phase: "open", questions: false });
  const section = sections[0]!;
  await db
    .update(consultationSections)
    .set({
      body: {
        fr: "Le conseil municipal fixe le montant du budget participatif.\nLes habitants votent en ligne.",
        ar: "يُحدّدُ المجلسُ البلديُّ مبلغَ الميزانيةِ التشاركية.\nيصوّت المتساكنون عبر الإنترنت.",
      },
    })
    .where(eq(consultationSections.id, section.id));
  return { c, section };
}

describe("comments on a paragraph, without JavaScript", () => {
  it("shows a link per paragraph, takes a comment on it, and highlights the passage with its count", async () => {
    const { c, section } = await draftConsultation();
    const base = `/fr/consultations/${c.id}/sections/${section.id}`;
    const { agent } = await signedInAgent(app, database);
    const page = await agent.get(base);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="${base}/paragraphs/1"`);
    const paragraph = await agent.get(`${base}/paragraphs/1`);
    expect(paragraph.statusCode).toBe(200);
    expect(paragraph.body).toContain("Les habitants votent en ligne.");

    const empty = await agent.post(`/fr/consultations/${c.id}/comments`, {
      sectionId: section.id,
      paragraph: "1",
      lang: "fr",
      body: "",
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("Les habitants votent en ligne.");

    const sent = await agent.post(`/fr/consultations/${c.id}/comments`, {
      sectionId: section.id,
      paragraph: "1",
      lang: "fr",
      body: "Et ceux qui n’ont pas internet ?",
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toContain(`/paragraphs/1#comment-`);
    const [row] = await db
      .select()
      .from(consultationComments)
      .where(eq(consultationComments.sectionId, section.id));
    expect(row!.anchor).toMatchObject({
      paragraph: 1,
      lang: "fr",
      quote: "Les habitants votent en ligne.",
      start: 0,
    });

    const after = await agent.get(base);
    expect(after.body).toMatch(/<mark class="sh-passage__mark"[^>]*>Les habitants votent en ligne\.<\/mark>/);
    expect(after.body).toContain("1 commentaire");
    expect((await agent.get(`${base}/paragraphs/1`)).body).toContain("Et ceux qui n’ont pas internet ?");
  });

  it("keeps a selected passage anchored by its words, and says when it changed in a later version", async () => {
    const { c, section } = await draftConsultation();
    const { agent } = await signedInAgent(app, database);
    const selected = await agent.post(`/ar/consultations/${c.id}/comments`, {
      sectionId: section.id,
      paragraph: "0",
      lang: "ar",
      start: "21",
      end: "38",
      quote: "يُحدّدُ المجلسُ البلديُّ مبلغَ الميزانيةِ التشاركية.".slice(21, 38),
      body: "لماذا المجلس وحده؟",
    });
    expect(selected.statusCode).toBe(303);
    const wrong = await agent.post(`/ar/consultations/${c.id}/comments`, {
      sectionId: section.id,
      paragraph: "0",
      lang: "ar",
      start: "0",
      end: "5",
      quote: "كلمات غير موجودة",
      body: "تعليق",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("لم يعد المقطع الذي حدّدته في النص");
    // The passage is rewritten in the next version: the comment says so on its paragraph's page.
    await db
      .update(consultationSections)
      .set({ body: { ar: "تُحدّد الهيئة مبلغ الميزانية.\nيصوّت المتساكنون عبر الإنترنت." } })
      .where(eq(consultationSections.id, section.id));
    const page = await agent.get(`/ar/consultations/${c.id}/sections/${section.id}/paragraphs/0`);
    expect(page.body).toContain("لماذا المجلس وحده؟");
    expect(page.body).toContain("تغيّر المقطع المعلَّق عليه منذ النسخة 1");
  });
});

describe("comments on words selected, with JavaScript", () => {
  it("offers the section page's script what it needs, and anchors the comment to the words it sends", async () => {
    const { c, section } = await draftConsultation();
    const base = `/ar/consultations/${c.id}/sections/${section.id}`;
    const { agent } = await signedInAgent(app, database);
    const page = await agent.get(base);
    expect(page.body).toContain(`data-module="sh-passage-comments" data-base="${base}"`);
    expect(page.body).toContain('data-label="علّق على الكلمات المحدَّدة"');
    // Nobody may comment on a closed consultation: no control is offered.
    const { consultation: closed, sections } = await createTestConsultation(db, {
      phase: "analysis",
      questions: false,
    });
    const closedPage = await agent.get(`/ar/consultations/${closed.id}/sections/${sections[0]!.id}`);
    expect(closedPage.body).toContain('data-module="sh-passage-comments"');
    expect(closedPage.body).not.toContain("data-label=");

    // What the script opens: the paragraph's page, its form carrying the words and their offsets.
    const paragraph = "يُحدّدُ المجلسُ البلديُّ مبلغَ الميزانيةِ التشاركية.";
    const quote = "المجلسُ البلديُّ";
    const start = paragraph.indexOf(quote);
    const query = new URLSearchParams({ start: String(start), end: String(start + quote.length), quote });
    const form = await agent.get(`${base}/paragraphs/0?${query}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("تعلّق على هذه الكلمات:");
    expect(form.body).toContain(`<input type="hidden" name="quote" value="${quote}"/>`);
    expect(form.body).toContain(`<input type="hidden" name="start" value="${start}"/>`);
    // Words that are not (or no longer) there: the form is for the whole paragraph.
    const stale = await agent.get(`${base}/paragraphs/0?start=0&end=4&quote=${encodeURIComponent("كلام")}`);
    expect(stale.statusCode).toBe(200);
    expect(stale.body).not.toContain('name="quote"');
    expect(stale.body).toContain("علّق على هذه الفقرة");

    const sent = await agent.post(`/ar/consultations/${c.id}/comments`, {
      sectionId: section.id,
      paragraph: "0",
      lang: "ar",
      start: String(start),
      end: String(start + quote.length),
      quote,
      body: "لماذا المجلس وحده؟",
    });
    expect(sent.statusCode).toBe(303);
    const after = await agent.get(base);
    expect(after.body).toContain(`<mark class="sh-passage__mark" data-count="1">${quote}</mark>`);
    expect(after.body).toMatch(/علّق على هذه الفقرة أو اقترح صياغة جديدة<\/a> · تعليق واحد/);
    // An empty comment: the form comes back still on the words selected.
    const empty = await agent.post(`/ar/consultations/${c.id}/comments`, {
      sectionId: section.id,
      paragraph: "0",
      lang: "ar",
      start: String(start),
      end: String(start + quote.length),
      quote,
      body: "",
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain(`<input type="hidden" name="quote" value="${quote}"/>`);
  });
});

describe("amendments: propose, support, accept, publish version 2, compare, what we did", () => {
  it("takes an amendment through to the final text, telling the author and supporters", async () => {
    const { c, section } = await draftConsultation();
    const { agent: author } = await signedInAgent(app, database, { email: "auteur.amendement@example.tn" });
    const { agent: supporter } = await signedInAgent(app, database, {
      email: "soutien.amendement@example.tn",
    });
    const { agent: staff } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "agent" }],
    });
    // Each person is told in their own language: these two chose French.
    await db
      .update(accounts)
      .set({ locale: "fr" })
      .where(inArray(accounts.email, ["auteur.amendement@example.tn", "soutien.amendement@example.tn"]));
    const url = `/fr/consultations/${c.id}/sections/${section.id}/amendments`;

    const missing = await author.post(url, { paragraph: "1", lang: "fr", proposed: "", reason: "" });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain("Saisissez votre rédaction du paragraphe");
    expect(missing.body).toContain("Indiquez pourquoi vous proposez cette modification");

    const proposed = await author.post(url, {
      paragraph: "1",
      lang: "fr",
      proposed: "Les habitants votent en ligne ou dans un bureau de vote papier.",
      reason: "Tout le monde n’a pas internet.",
    });
    expect(proposed.statusCode).toBe(303);
    const id = proposed.headers.location!.split("/").pop()!;
    const page = await supporter.get(`/fr/consultations/${c.id}/amendments/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      '<ins class="sh-diff__ins" title="Ajouté"> ou dans un bureau de vote papier</ins>',
    );

    expect((await supporter.post(`/fr/consultations/${c.id}/amendments/${id}/support`, {})).statusCode).toBe(
      303,
    );
    expect((await supporter.get(`/fr/consultations/${c.id}/amendments/${id}`)).body).toContain("1 soutien");

    // Only the drafting team decides; a citizen is refused.
    expect(
      (await supporter.post(`/fr/consultations/${c.id}/amendments/${id}/decision`, { decision: "accept" }))
        .statusCode,
    ).toBe(403);
    const noDecision = await staff.post(`/fr/consultations/${c.id}/amendments/${id}/decision`, {});
    expect(noDecision.statusCode).toBe(422);
    const accepted = await staff.post(`/fr/consultations/${c.id}/amendments/${id}/decision`, {
      decision: "accept",
      decisionReason: "Bonne idée.",
    });
    expect(accepted.statusCode).toBe(303);
    for (const address of ["auteur.amendement@example.tn", "soutien.amendement@example.tn"]) {
      const [mail] = await mailsTo(database, address);
      expect(mail?.subject).toContain("Amendement accepté");
      expect(mail?.textBody).toContain(`/fr/consultations/${c.id}/amendments/${id}`);
    }
    // Decided once.
    expect(
      (
        await staff.post(`/fr/consultations/${c.id}/amendments/${id}/decision`, {
          decision: "reject",
          decisionReason: "Non",
        })
      ).statusCode,
    ).toBe(409);

    // Accepted wording goes into the next version only.
    const before = await new Agent(app).get(`/fr/consultations/${c.id}/sections/${section.id}`);
    expect(before.body).not.toContain("bureau de vote papier.");
    expect((await supporter.post(`/fr/consultations/${c.id}/versions`, { note: "" })).statusCode).toBe(403);
    const published = await staff.post(`/fr/consultations/${c.id}/versions`, { note: "Vote papier ajouté." });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toContain("/versions/compare?from=1&to=2");
    const [row] = await db.select().from(consultationAmendments).where(eq(consultationAmendments.id, id));
    expect(row!.appliedVersion).toBe(2);

    const compare = await new Agent(app).get(`/fr/consultations/${c.id}/versions/compare?from=1&to=2`);
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain(
      '<ins class="sh-diff__ins" title="Ajouté"> ou dans un bureau de vote papier</ins>',
    );
    // How paragraphs were separated (one line break, now two) is not shown as a change.
    expect(compare.body).not.toMatch(/<ins class="sh-diff__ins"[^>]*>\s*<\/ins>/);
    const arCompare = await new Agent(app).get(`/ar/consultations/${c.id}/versions/compare?from=1&to=2`);
    expect(arCompare.body).toContain('lang="ar" dir="rtl"');
    const after = await new Agent(app).get(`/fr/consultations/${c.id}/sections/${section.id}`);
    expect(after.body).toContain("Les habitants votent en ligne ou dans un bureau de vote papier.");

    // The comparison links the change to the amendment behind it.
    expect(compare.body).toContain(`href="/fr/consultations/${c.id}/amendments/${id}"`);

    // What we did: once the outcome is published, each change in the final text links to its amendment.
    const now = new Date();
    await db
      .insert(consultationSyntheses)
      .values({ consultationId: c.id, summary: { fr: "Synthèse." }, publishedAt: now });
    await db.insert(consultationOutcomes).values({
      consultationId: c.id,
      sectionId: section.id,
      decision: "changed",
      reason: { fr: "Vote papier." },
    });
    await db.update(consultations).set({ outcomePublishedAt: now }).where(eq(consultations.id, c.id));
    for (const path of [`/fr/consultations/${c.id}`, `/fr/consultations/${c.id}/synthesis`]) {
      const whatWeDid = await new Agent(app).get(path);
      expect(whatWeDid.statusCode).toBe(200);
      const did = whatWeDid.body.split('id="what-we-did"')[1] ?? "";
      expect(did).toContain(`href="/fr/consultations/${c.id}/amendments/${id}"`);
      expect(did).toContain("Paragraphe 2 : amendement accepté, dans le texte depuis la version 2");
    }
  });

  it("rejects with a reason only, and refuses proposals once closed", async () => {
    const { c, section } = await draftConsultation();
    const { agent: author } = await signedInAgent(app, database, { email: "rejet.amendement@example.tn" });
    const { agent: admin } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
    });
    const proposed = await author.post(`/fr/consultations/${c.id}/sections/${section.id}/amendments`, {
      paragraph: "0",
      lang: "fr",
      proposed: "Les habitants fixent le montant du budget participatif.",
      reason: "Plus de démocratie.",
    });
    const id = proposed.headers.location!.split("/").pop()!;
    const noReason = await admin.post(`/fr/consultations/${c.id}/amendments/${id}/decision`, {
      decision: "reject",
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain("Indiquez le motif du rejet de l’amendement");
    const rejected = await admin.post(`/fr/consultations/${c.id}/amendments/${id}/decision`, {
      decision: "reject",
      decisionReason: "Le montant relève du conseil selon la loi.",
    });
    expect(rejected.statusCode).toBe(303);
    const [mail] = await mailsTo(database, "rejet.amendement@example.tn");
    // In the author's language (Arabic, the default).
    expect(mail?.subject).toContain("لم يُعتمد التعديل");
    expect(mail?.textBody).toContain("Le montant relève du conseil selon la loi.");

    const { consultation: closed, sections } = await createTestConsultation(db, {
      phase: "analysis",
      questions: false,
    });
    const late = await author.post(`/fr/consultations/${closed.id}/sections/${sections[0]!.id}/amendments`, {
      paragraph: "0",
      lang: "fr",
      proposed: "Autre texte.",
      reason: "Raison.",
    });
    expect(late.statusCode).toBe(409);
  });
});
