import { inArray } from "drizzle-orm";
import { findAccountByEmail } from "../../../core/auth/accounts.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { eventRegistrations, events } from "../tables.js";
import { announceEvent } from "./save-event.js";

interface DemoEvent {
  structure: string;
  kind: "information_day" | "training" | "awareness";
  mode: "in_person" | "online";
  theme: string;
  governorate?: string;
  inDays: number;
  hour: number;
  hours: number;
  capacity: number;
  title: LocalizedText;
  description: LocalizedText;
  venue?: LocalizedText;
  onlineUrl?: string;
  /** A cancelled event shows its organiser's reason. */
  cancelReason?: string;
}

const DEMO_EVENTS: DemoEvent[] = [
  {
    structure: "bcrc",
    kind: "information_day",
    mode: "in_person",
    theme: "participation",
    governorate: "TN-11",
    inDays: 14,
    hour: 9,
    hours: 5,
    capacity: 300,
    title: {
      ar: "اليوم الإعلامي الوطني حول المشاركة العمومية",
      fr: "Journée nationale d’information sur la participation publique",
      en: "National information day on public participation",
    },
    description: {
      ar: "تقديم منصة شارك: الاستشارات العمومية، صندوق الأفكار، مطالب المواطنين والإبلاغ عن الفساد.\n\nورشات تطبيقية بعد الظهر مع أعوان المكتب المركزي للعلاقات مع المواطن.",
      fr: "Présentation de la plateforme Sharek : consultations publiques, boîte à idées, requêtes citoyennes et signalement de la corruption.\n\nAteliers pratiques l’après-midi avec les agents du Bureau central des relations avec le citoyen.",
      en: "An introduction to Sharek: public consultations, the idea box, citizens’ requests and reporting corruption.\n\nHands-on workshops in the afternoon with staff of the Central Office for Citizen Relations.",
    },
    venue: { ar: "مدينة الثقافة، تونس", fr: "Cité de la culture, Tunis", en: "City of Culture, Tunis" },
  },
  {
    structure: "gov-tn-61",
    kind: "training",
    mode: "in_person",
    theme: "digital",
    governorate: "TN-61",
    inDays: 21,
    hour: 9,
    hours: 3,
    capacity: 25,
    title: {
      ar: "دورة تكوينية لأعوان البلديات: الرد على مطالب المواطنين في الآجال",
      fr: "Formation des agents municipaux : répondre aux requêtes des citoyens dans les délais",
      en: "Training for municipal staff: answering citizens’ requests on time",
    },
    description: {
      ar: "كيف نستعمل قائمة المطالب ونماذج الردود وقواعد التوجيه، وكيف نحترم الآجال القانونية.",
      fr: "Utiliser la file des requêtes, les modèles de réponse et les règles d’orientation, et tenir les délais légaux.",
      en: "Using the request queue, reply templates and routing rules, and keeping to the legal deadlines.",
    },
    venue: {
      ar: "مقر ولاية صفاقس",
      fr: "Siège du gouvernorat de Sfax",
      en: "Governorate of Sfax headquarters",
    },
  },
  {
    structure: "gov-tn-51",
    kind: "awareness",
    mode: "in_person",
    theme: "integrity",
    governorate: "TN-51",
    inDays: 10,
    hour: 15,
    hours: 2,
    capacity: 60,
    title: {
      ar: "حصة تحسيسية: كيف تبلّغ عن الفساد بأمان",
      fr: "Séance de sensibilisation : signaler la corruption en toute sécurité",
      en: "Awareness session: reporting corruption safely",
    },
    description: {
      ar: "ما الذي يحميك عند الإبلاغ دون حساب، وكيف تتابع بلاغك برمز الإيصال.",
      fr: "Ce qui vous protège quand vous signalez sans compte, et comment suivre votre signalement avec le code de reçu.",
      en: "What protects you when you report without an account, and how to follow your report with its receipt code.",
    },
    venue: { ar: "دار الشباب بسوسة", fr: "Maison des jeunes de Sousse", en: "Sousse youth centre" },
  },
  {
    structure: "gov-tn-71",
    kind: "training",
    mode: "in_person",
    theme: "participation",
    governorate: "TN-71",
    inDays: 28,
    hour: 10,
    hours: 3,
    capacity: 30,
    title: {
      ar: "دورة تكوينية للجمعيات: المشاركة في الاستشارات العمومية",
      fr: "Formation des associations : contribuer aux consultations publiques",
      en: "Training for associations: taking part in public consultations",
    },
    description: {
      ar: "قراءة مشروع نص، صياغة تعليق مفيد، ومتابعة ما تقرّر بعد الاستشارة.",
      fr: "Lire un projet de texte, rédiger un commentaire utile et suivre ce qui a été décidé après la consultation.",
      en: "Reading a draft text, writing a useful comment, and following what was decided after the consultation.",
    },
    venue: { ar: "المركب الثقافي بقفصة", fr: "Complexe culturel de Gafsa", en: "Gafsa cultural centre" },
  },
  {
    structure: "bcrc",
    kind: "awareness",
    mode: "online",
    theme: "participation",
    inDays: 7,
    hour: 18,
    hours: 1,
    capacity: 500,
    title: {
      ar: "حصة عن بعد: كيف تقدّم مطلبًا وتتابعه",
      fr: "Séance en ligne : déposer une requête et la suivre",
      en: "Online session: filing a request and following it",
    },
    description: {
      ar: "جولة مباشرة في استمارة المطالب، مع أسئلة وأجوبة.",
      fr: "Une visite en direct du formulaire de requête, suivie de questions-réponses.",
      en: "A live walk through the request form, followed by questions and answers.",
    },
    onlineUrl: "https://meet.sharek.tn/demande-en-ligne",
  },
  {
    structure: "bcrc",
    kind: "information_day",
    mode: "in_person",
    theme: "participation",
    governorate: "TN-51",
    inDays: 10,
    hour: 9,
    hours: 3,
    capacity: 80,
    title: {
      ar: "يوم إعلامي بسوسة: المطالب والاستشارات",
      fr: "Journée d’information à Sousse : requêtes et consultations",
      en: "Information day in Sousse: requests and consultations",
    },
    description: {
      ar: "تقديم منصة شارك لمواطني الولاية وجمعياتها.",
      fr: "Présentation de Sharek aux habitants et aux associations du gouvernorat.",
      en: "Sharek presented to the governorate’s residents and associations.",
    },
    venue: { ar: "دار الثقافة بسوسة", fr: "Maison de la culture de Sousse", en: "Sousse house of culture" },
    cancelReason: "تعذّر توفير القاعة في هذا التاريخ، وسيُعلن عن موعد جديد قريبًا.",
  },
];

/** Upcoming demo events in several governorates and online, with the demo citizen registered to one. */
export async function seedDemoEvents(db: Db, now: Date = new Date()): Promise<string[]> {
  const codes = [...new Set(DEMO_EVENTS.map((e) => e.structure))];
  const found = await db
    .select({ id: structures.id, code: structures.code })
    .from(structures)
    .where(inArray(structures.code, codes));
  const byCode = new Map(found.map((s) => [s.code, s.id]));
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const ids: string[] = [];
  for (const e of DEMO_EVENTS) {
    const structureId = byCode.get(e.structure);
    if (!structureId) continue;
    // Tunis is UTC+1: 9 o'clock there is 8:00 UTC.
    const startsAt = new Date(midnight + e.inDays * 86_400_000 + (e.hour - 1) * 3_600_000);
    const [row] = await db
      .insert(events)
      .values({
        structureId,
        kind: e.kind,
        mode: e.mode,
        themeCode: e.theme,
        title: e.title,
        description: e.description,
        governorateCode: e.governorate ?? null,
        venue: e.venue ?? {},
        onlineUrl: e.onlineUrl ?? null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + e.hours * 3_600_000),
        capacity: e.capacity,
        cancelledAt: e.cancelReason ? now : null,
        cancelReason: e.cancelReason ?? null,
      })
      .returning();
    if (!e.cancelReason) await announceEvent(db, row!);
    ids.push(row!.id);
  }
  const citizen = await findAccountByEmail(db, "citizen@demo.sharek.tn");
  if (citizen && ids[0]) {
    await db
      .insert(eventRegistrations)
      .values({ eventId: ids[0], accountId: citizen.id, status: "confirmed" });
  }
  return [`Demo events: ${ids.length} (agenda at /ar/events).`];
}
