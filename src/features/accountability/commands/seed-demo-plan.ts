import { eq } from "drizzle-orm";
import { type Actor, ANONYMOUS } from "../../../core/authz/actor.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { CENTRAL_OFFICE_CODE } from "../../structures/reference-data.js";
import { postUpdate } from "./post-update.js";
import { insertResult } from "./save-result.js";

type Status = "planned" | "in_progress" | "done" | "delayed";
const M = (
  dueOn: string,
  status: Status,
  doneOn: string | null,
  title: LocalizedText,
  notes: LocalizedText,
  evidenceUrl: string | null = null,
) => ({ dueOn, status, doneOn, title, notes, evidenceUrl });

/** The national action plan's milestones (what the insights feature showed before they became results). */
const DEMO_PLAN = [
  M(
    "2026-03-31",
    "done",
    "2026-03-24",
    {
      ar: "تشخيص المشاركة العمومية الرقمية",
      fr: "Diagnostic de la participation publique numérique",
      en: "Diagnosis of digital public participation",
    },
    {
      ar: "تقييم البوابتين الحاليتين واستعمالهما حسب الولاية والهيكل.",
      fr: "Évaluation des deux portails existants et de leur usage par gouvernorat et par structure.",
      en: "Assessment of the two existing portals and their use by governorate and structure.",
    },
    "https://sharek.tn/fr/transparency",
  ),
  M(
    "2026-06-30",
    "done",
    "2026-07-08",
    { ar: "اعتماد خطة العمل", fr: "Adoption du plan d’action", en: "Adoption of the action plan" },
    {
      ar: "صادقت عليها لجنة القيادة بعد استشارة عمومية.",
      fr: "Validé par le comité de pilotage après une consultation publique.",
      en: "Approved by the steering committee after a public consultation.",
    },
  ),
  M(
    "2026-09-30",
    "done",
    "2026-09-18",
    {
      ar: "دراسة التجارب الناجحة",
      fr: "Étude des expériences réussies",
      en: "Study of successful experiences",
    },
    {
      ar: "مقارنة مع تجارب بلدية وطنية ودولية في المشاركة الرقمية.",
      fr: "Comparaison avec des expériences municipales, nationales et internationales.",
      en: "Comparison with municipal, national and international experiences.",
    },
  ),
  M(
    "2026-12-31",
    "in_progress",
    null,
    { ar: "تحسين البوابة", fr: "Amélioration du portail", en: "Portal improvements" },
    {
      ar: "بوابة واحدة ثلاثية اللغة، متاحة وسريعة على الهواتف البسيطة.",
      fr: "Un portail unique, trilingue, accessible et rapide sur les téléphones simples.",
      en: "One trilingual portal, accessible and fast on basic phones.",
    },
  ),
  M(
    "2027-03-31",
    "planned",
    null,
    {
      ar: "دورات تكوينية في الجهات",
      fr: "Sessions de formation dans les régions",
      en: "Training sessions in the regions",
    },
    {
      ar: "تكوين أعوان الهياكل على الرد على المطالب في الآجال.",
      fr: "Former les agents des structures à répondre aux demandes dans les délais.",
      en: "Training structures’ agents to answer requests within the deadlines.",
    },
  ),
  M(
    "2027-05-15",
    "planned",
    null,
    { ar: "يوم إعلامي وطني", fr: "Journée nationale d’information", en: "National information day" },
    {
      ar: "التعريف بالبوابة لدى المواطنين والمجتمع المدني.",
      fr: "Faire connaître le portail aux citoyens et à la société civile.",
      en: "Making the portal known to citizens and civil society.",
    },
  ),
];

/** What a milestone's update says, by the status it reaches. */
const SAID: Record<Status, LocalizedText> = {
  done: { ar: "أُنجزت المرحلة.", fr: "Le jalon est atteint.", en: "The milestone is reached." },
  in_progress: { ar: "انطلق العمل.", fr: "Les travaux ont commencé.", en: "The work has started." },
  delayed: { ar: "تأخّرت المرحلة.", fr: "Le jalon est en retard.", en: "The milestone is late." },
  planned: { ar: "", fr: "", en: "" },
};

/**
 * The national action plan as results of origin "plan", kept by the central office: each milestone
 * a result ending on its due date, moved to its status by a dated update with its evidence.
 */
export async function seedDemoPlan(db: Db): Promise<void> {
  const [office] = await db
    .select({ id: structures.id })
    .from(structures)
    .where(eq(structures.code, CENTRAL_OFFICE_CODE));
  if (!office) return;
  const actor: Actor = { ...ANONYMOUS, platformAdmin: true };
  const today = new Date().toISOString().slice(0, 10);
  for (const m of DEMO_PLAN) {
    const id = await insertResult(
      db,
      {
        code: `plan-${m.dueOn}`,
        structureId: office.id,
        parentId: null,
        title: m.title,
        description: m.notes,
        governorateCode: null,
        municipalityId: null,
        themeCode: null,
        startsOn: null,
        endsOn: m.dueOn,
        weight: 1,
        budgetPlanned: null,
        budgetSpent: null,
        status: "planned",
        progress: 0,
        dropReason: null,
      },
      { origin: "plan", originId: null, originSectionId: null },
      { actor },
    );
    if (m.status === "planned") continue;
    const said = SAID[m.status];
    const happenedOn = m.doneOn && m.doneOn <= today ? m.doneOn : today;
    await postUpdate(
      db,
      id,
      {
        happenedOn,
        status: m.status,
        progress: m.status === "done" ? "100" : "20",
        bodyAr: said.ar,
        bodyFr: said.fr,
        bodyEn: said.en,
        evidence: m.evidenceUrl ?? "",
      },
      { actor, publicUrl: "http://localhost:3000", today },
    );
  }
}
