import { eq, inArray } from "drizzle-orm";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import type { StructureContact } from "../../../core/structures/tables.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { structureCategories } from "../tables.js";

/** Request categories for a few structures, as citizens would name what they ask about. */
const DEMO_CATEGORIES: Record<string, Array<{ code: string; name: Required<LocalizedText> }>> = {
  "mun-tn-11": [
    {
      code: "public-lighting",
      name: { ar: "التنوير العمومي", fr: "Éclairage public", en: "Public lighting" },
    },
    {
      code: "waste-collection",
      name: { ar: "رفع الفضلات", fr: "Collecte des déchets", en: "Waste collection" },
    },
    {
      code: "roads-pavements",
      name: { ar: "الطرقات والأرصفة", fr: "Voirie et trottoirs", en: "Roads and pavements" },
    },
    {
      code: "building-permits",
      name: { ar: "رخص البناء", fr: "Permis de bâtir", en: "Building permits" },
    },
  ],
  "min-health": [
    {
      code: "hospital-reception",
      name: { ar: "الاستقبال بالمستشفيات", fr: "Accueil dans les hôpitaux", en: "Hospital reception" },
    },
    {
      code: "medicine-availability",
      name: { ar: "توفر الأدوية", fr: "Disponibilité des médicaments", en: "Medicine availability" },
    },
  ],
  "min-interior": [
    {
      code: "national-id-card",
      name: { ar: "بطاقة التعريف الوطنية", fr: "Carte d'identité nationale", en: "National ID card" },
    },
    { code: "passports", name: { ar: "جوازات السفر", fr: "Passeports", en: "Passports" } },
  ],
  "min-education": [
    {
      code: "school-transport",
      name: { ar: "النقل المدرسي", fr: "Transport scolaire", en: "School transport" },
    },
    { code: "exams", name: { ar: "الامتحانات", fr: "Examens", en: "Exams" } },
  ],
};

/**
 * Contact details for a few municipalities. Fictional on purpose: numbers in the +216 71 000 0xx
 * range and addresses on the example.tn domain, never anyone's real data.
 */
const DEMO_CONTACTS: Record<string, Omit<StructureContact, "address">> = {
  "mun-tn-11": { phone: "+21671000011", email: "contact@tunis.example.tn" },
  "mun-tn-12": { phone: "+21671000012", email: "contact@ariana.example.tn" },
  "mun-tn-51": { phone: "+21671000051", email: "contact@sousse.example.tn" },
  "mun-tn-61": { phone: "+21671000061", email: "contact@sfax.example.tn" },
};

/** Demo content for the directory: request categories and contact details (idempotent). */
export async function seedDemoStructures(db: Db): Promise<string[]> {
  const codes = [...new Set([...Object.keys(DEMO_CATEGORIES), ...Object.keys(DEMO_CONTACTS)])];
  const rows = await db.select().from(structures).where(inArray(structures.code, codes));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  let categories = 0;
  for (const [code, list] of Object.entries(DEMO_CATEGORIES)) {
    const structure = byCode.get(code);
    if (!structure) continue;
    const inserted = await db
      .insert(structureCategories)
      .values(list.map((c) => ({ structureId: structure.id, code: c.code, name: c.name })))
      .onConflictDoNothing()
      .returning({ id: structureCategories.id });
    categories += inserted.length;
  }
  for (const [code, contact] of Object.entries(DEMO_CONTACTS)) {
    const structure = byCode.get(code);
    if (!structure) continue;
    await db
      .update(structures)
      .set({ contact: { ...contact, ...structure.contact } })
      .where(eq(structures.id, structure.id));
  }
  return categories > 0
    ? [
        `Directory: ${categories} request categories added to ${Object.keys(DEMO_CATEGORIES).length} structures.`,
      ]
    : [];
}
