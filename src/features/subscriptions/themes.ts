import type { LocalizedText } from "../../core/i18n/localized.js";
import type { Db } from "../../db/client.js";
import { themes } from "./tables.js";

/** The themes of public action people can follow; consultations and ideas use the same list. */
export const THEMES: Array<{ code: string; name: LocalizedText }> = [
  {
    code: "participation",
    name: { ar: "المشاركة العمومية", fr: "Participation publique", en: "Public participation" },
  },
  { code: "health", name: { ar: "الصحة", fr: "Santé", en: "Health" } },
  { code: "education", name: { ar: "التعليم", fr: "Éducation", en: "Education" } },
  { code: "environment", name: { ar: "البيئة", fr: "Environnement", en: "Environment" } },
  { code: "water", name: { ar: "الماء والتطهير", fr: "Eau et assainissement", en: "Water and sanitation" } },
  { code: "transport", name: { ar: "النقل", fr: "Transport", en: "Transport" } },
  {
    code: "digital",
    name: { ar: "الإدارة الرقمية", fr: "Administration numérique", en: "Digital government" },
  },
  {
    code: "integrity",
    name: {
      ar: "النزاهة ومكافحة الفساد",
      fr: "Intégrité et lutte contre la corruption",
      en: "Integrity and anti-corruption",
    },
  },
  { code: "youth", name: { ar: "الشباب والتشغيل", fr: "Jeunesse et emploi", en: "Youth and employment" } },
];

/** Inserts the themes (idempotent: names are refreshed, nothing is removed). */
export async function seedThemes(db: Db): Promise<void> {
  for (const [position, theme] of THEMES.entries()) {
    await db
      .insert(themes)
      .values({ ...theme, position })
      .onConflictDoUpdate({ target: themes.code, set: { name: theme.name, position } });
  }
}
