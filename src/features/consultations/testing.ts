import { eq } from "drizzle-orm";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { consultationQuestions, consultationSections, consultations, type QuestionOption } from "./tables.js";

const DAY = 24 * 3600_000;

export type TestPhase = "draft" | "announced" | "open" | "analysis";

/**
 * Inserts a consultation of a structure (by code) in the phase asked, with `sections` sections and,
 * unless `questions` is false, a questionnaire of one question of each kind.
 */
export async function createTestConsultation(
  db: Db,
  options: {
    structure?: string;
    phase?: TestPhase;
    sections?: number;
    questions?: boolean;
    participation?: "signed_in" | "identity_verified";
    title?: string;
  } = {},
) {
  const [structure] = await db
    .select({ id: structures.id })
    .from(structures)
    .where(eq(structures.code, options.structure ?? "gov-tn-11"));
  if (!structure) throw new Error(`no structure ${options.structure}`);
  const now = Date.now();
  const phase = options.phase ?? "open";
  const dates = {
    draft: { opensAt: now + 10 * DAY, closesAt: now + 40 * DAY },
    announced: { opensAt: now + 10 * DAY, closesAt: now + 40 * DAY },
    open: { opensAt: now - 5 * DAY, closesAt: now + 25 * DAY },
    analysis: { opensAt: now - 40 * DAY, closesAt: now - 5 * DAY },
  }[phase];
  const [c] = await db
    .insert(consultations)
    .values({
      structureId: structure.id,
      title: {
        fr: options.title ?? "Projet d’arrêté sur les espaces verts",
        ar: "مشروع قرار حول المساحات الخضراء",
      },
      summary: {
        fr: "Votre avis sur la gestion des jardins publics.",
        ar: "رأيك في التصرّف في الحدائق العمومية.",
      },
      body: {},
      theme: "environment",
      area: "national",
      participation: options.participation ?? "signed_in",
      visibility: phase === "draft" ? "draft" : "published",
      publishedAt: phase === "draft" ? null : new Date(now - 50 * DAY),
      opensAt: new Date(dates.opensAt),
      closesAt: new Date(dates.closesAt),
    })
    .returning();
  const sections = [];
  for (let i = 0; i < (options.sections ?? 3); i++) {
    const [s] = await db
      .insert(consultationSections)
      .values({
        consultationId: c!.id,
        position: i + 1,
        title: { fr: `Article ${i + 1}` },
        body: { fr: `Texte de l’article ${i + 1}.` },
      })
      .returning();
    sections.push(s!);
  }
  const questions = [];
  if (options.questions !== false) {
    const options3: QuestionOption[] = [
      { id: "o1", label: { fr: "Oui" } },
      { id: "o2", label: { fr: "Non" } },
      { id: "o3", label: { fr: "Sans avis" } },
    ];
    const specs = [
      { kind: "single" as const, prompt: { fr: "Êtes-vous d’accord ?" }, options: options3, required: true },
      { kind: "multiple" as const, prompt: { fr: "Quels usages ?" }, options: options3, required: false },
      { kind: "scale" as const, prompt: { fr: "Importance ?" }, scaleMin: 1, scaleMax: 5, required: true },
      { kind: "short_text" as const, prompt: { fr: "Quartier ?" }, required: false },
      { kind: "long_text" as const, prompt: { fr: "Autre remarque ?" }, required: false },
    ];
    for (const [i, spec] of specs.entries()) {
      const [q] = await db
        .insert(consultationQuestions)
        .values({ consultationId: c!.id, position: i + 1, ...spec })
        .returning();
      questions.push(q!);
    }
  }
  return { consultation: c!, sections, questions };
}
