import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../../test/app.js";
import { consultationComments, consultations } from "../tables.js";
import { createTestConsultation } from "../testing.js";

const { app, database } = await createTestApp();
const db = database.db;
const anonymous = new Agent(app);

const open = await createTestConsultation(db, { phase: "open", structure: "gov-tn-11" });
await db
  .update(consultations)
  .set({
    title: { ar: "مشروع أمر يتعلّق بالميزانية التشاركية", fr: "Projet de décret sur le budget participatif" },
    theme: "local_governance",
    area: "governorate",
    governorateCode: "TN-11",
  })
  .where(eq(consultations.id, open.consultation.id));
const upcoming = await createTestConsultation(db, {
  phase: "announced",
  structure: "gov-tn-12",
  title: "Plan de mobilité",
});
const draft = await createTestConsultation(db, { phase: "draft", title: "Brouillon secret" });

const titles = (html: string) =>
  [...html.matchAll(/class="sh-card__link"[^>]*>(?:<span[^>]*>)?([^<]+)/g)].map((m) => m[1]);

describe("the public list", () => {
  it("groups open and upcoming consultations, and never shows a draft", async () => {
    const page = await anonymous.get("/fr/consultations");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Projet de décret sur le budget participatif");
    expect(page.body).toContain("Plan de mobilité");
    expect(page.body).not.toContain("Brouillon secret");
    expect(page.headers["cache-control"]).toBe("public, max-age=30");
  });

  it("filters by status, theme, structure and area", async () => {
    expect(titles((await anonymous.get("/fr/consultations?status=upcoming")).body)).toEqual([
      "Plan de mobilité",
    ]);
    expect(titles((await anonymous.get("/fr/consultations?theme=local_governance")).body)).toEqual([
      "Projet de décret sur le budget participatif",
    ]);
    expect(titles((await anonymous.get("/fr/consultations?structure=gov-tn-12")).body)).toEqual([
      "Plan de mobilité",
    ]);
    expect(titles((await anonymous.get("/fr/consultations?area=TN-11")).body)).toEqual([
      "Projet de décret sur le budget participatif",
    ]);
    expect(titles((await anonymous.get("/fr/consultations?area=national")).body)).toEqual([
      "Plan de mobilité",
    ]);
  });

  it("finds by words of the title or summary, Arabic-normalised and without French accents", async () => {
    // ة written as ه, أ as ا, and harakat: the same words once normalised.
    const ar = await anonymous.get(`/ar/consultations?q=${encodeURIComponent("الميزانيه التشارُكية امر")}`);
    expect(ar.body).toContain("مشروع أمر يتعلّق بالميزانية التشاركية");
    expect(titles((await anonymous.get("/fr/consultations?q=DECRET%20participatif")).body)).toEqual([
      "Projet de décret sur le budget participatif",
    ]);
    const none = await anonymous.get("/fr/consultations?q=Brouillon");
    expect(none.body).toContain("Aucune consultation ne correspond");
  });
});

describe("a consultation's page", () => {
  it("pages comments 20 at a time, most recent or most supported first, with their first replies under each", async () => {
    const { consultation: c } = await createTestConsultation(db, { phase: "open" });
    const base = Date.now() - 3600_000;
    await db.insert(consultationComments).values(
      Array.from({ length: 45 }, (_, i) => ({
        consultationId: c.id,
        body: `Commentaire numéro ${i + 1}`,
        alignment: "neutral" as const,
        supportCount: i === 3 ? 99 : 0,
        createdAt: new Date(base + i * 1000),
      })),
    );
    const [first] = await db
      .select()
      .from(consultationComments)
      .where(eq(consultationComments.body, "Commentaire numéro 1"));
    await db.insert(consultationComments).values(
      Array.from({ length: 7 }, (_, i) => ({
        consultationId: c.id,
        parentId: first!.id,
        rootId: first!.id,
        depth: 1,
        body: `Réponse ${i + 1}`,
        createdAt: new Date(base + 100_000 + i),
      })),
    );
    const recent = (await anonymous.get(`/fr/consultations/${c.id}`)).body;
    expect(recent).toContain("45 commentaires");
    expect(recent).toContain("Commentaire numéro 45");
    expect(recent).not.toContain("Commentaire numéro 25<");
    expect(recent).toContain("Page 1 sur 3");
    const supported = (await anonymous.get(`/fr/consultations/${c.id}?sort=supported`)).body;
    expect(supported.indexOf("Commentaire numéro 4<")).toBeLessThan(
      supported.indexOf("Commentaire numéro 45<"),
    );
    const last = (await anonymous.get(`/fr/consultations/${c.id}?page=3`)).body;
    expect(last).toContain("Commentaire numéro 1<");
    expect(last).toContain("Réponse 2");
    expect(last).not.toContain("Réponse 3");
    expect(last).toContain("Voir les 7 réponses");
    const beyond = (await anonymous.get(`/fr/consultations/${c.id}?page=99`)).body;
    expect(beyond).toContain("Page 3 sur 3");
    expect(beyond).toContain("Commentaire numéro 1<");
    expect(beyond).toContain("Commentaire numéro 5<");
    expect(beyond).not.toContain("Commentaire numéro 6<");
    const thread = (await anonymous.get(`/fr/consultations/${c.id}/comments/${first!.id}`)).body;
    expect(thread).toContain("Réponse 7");
  });

  it("shows a tombstone in place of a hidden comment", async () => {
    const { consultation: c } = await createTestConsultation(db, { phase: "open" });
    await db.insert(consultationComments).values({
      consultationId: c.id,
      body: "Propos injurieux",
      alignment: "against",
      moderationState: "hidden",
      moderationReason: "Insulte",
    });
    const page = (await anonymous.get(`/fr/consultations/${c.id}`)).body;
    expect(page).not.toContain("Propos injurieux");
    expect(page).toContain("Cette contribution a été masquée par la modération.");
    expect(page).toContain("Motif : <bdi>Insulte");
  });

  it("answers 404 for a draft, an unknown id, or a section of another consultation", async () => {
    expect((await anonymous.get(`/fr/consultations/${draft.consultation.id}`)).statusCode).toBe(404);
    expect((await anonymous.get("/fr/consultations/not-an-id")).statusCode).toBe(404);
    expect(
      (await anonymous.get(`/fr/consultations/${open.consultation.id}/sections/${upcoming.sections[0]!.id}`))
        .statusCode,
    ).toBe(404);
  });
});
