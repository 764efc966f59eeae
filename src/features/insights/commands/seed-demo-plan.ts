import type { LocalizedText } from "../../../core/i18n/localized.js";
import type { FeatureManifest } from "../../../core/manifest.js";
import type { Db } from "../../../db/client.js";
import { refreshInsights } from "../refresh.js";
import { actionPlanMilestones } from "../tables.js";

type Status = "planned" | "in_progress" | "done" | "delayed";
const M = (
  dueOn: string,
  status: Status,
  doneOn: string | null,
  title: LocalizedText,
  notes: LocalizedText,
  evidenceUrl: string | null = null,
) => ({ dueOn, status, doneOn, title, notes, evidenceUrl });

export const DEMO_MILESTONES = [
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

/** The action plan's milestones, then a first refresh so the dashboards show the demo's figures. */
export async function seedDemoPlan(db: Db, features: readonly FeatureManifest[]): Promise<string[]> {
  await db.insert(actionPlanMilestones).values(DEMO_MILESTONES);
  await refreshInsights(db, features);
  return [];
}
