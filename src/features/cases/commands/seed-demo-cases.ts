import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { sha256 } from "../../../core/auth/secrets.js";
import { accounts } from "../../../core/auth/tables.js";
import { type Db, rowsOf } from "../../../db/client.js";
import { structureCategories, structures } from "../../structures/tables.js";
import { computeDueAt } from "../deadline.js";
import type { CaseStatus } from "../lifecycle.js";
import type { CaseType } from "../rules.js";
import { caseEvents, cases } from "../tables.js";

interface DemoCase {
  structure: string;
  category?: string;
  type: CaseType;
  status: CaseStatus;
  daysAgo: number;
  subject: string;
  description: string;
  governorate?: string;
  address?: string;
  /** The demo citizen's own request (shown in "My requests"); otherwise an anonymous one. */
  byCitizen?: boolean;
  /** Someone without an account who left a phone number (the queue's search finds it by that number). */
  phone?: { name: string; number: string };
  assigned?: boolean;
  question?: string;
  reply?: string;
  rating?: number;
}

const DEMO_CASES: DemoCase[] = [
  {
    structure: "mun-tn-11",
    category: "public-lighting",
    type: "notice",
    status: "in_progress",
    daysAgo: 6,
    subject: "أعمدة الإنارة معطّبة في نهج مرسيليا",
    description:
      "منذ أسبوعين لا تشتغل أعمدة الإنارة العمومية في نهج مرسيليا بين نهج إسبانيا ونهج الجزيرة، والشارع مظلم تمامًا ليلًا.",
    governorate: "TN-11",
    address: "نهج مرسيليا، تونس",
    byCitizen: true,
    assigned: true,
  },
  {
    structure: "mun-tn-11",
    category: "waste-collection",
    type: "complaint",
    status: "answered",
    daysAgo: 12,
    subject: "Déchets non ramassés à El Menzah 6",
    description:
      "Les bacs de la rue Ibn Khaldoun ne sont plus vidés depuis dix jours. Les ordures débordent sur le trottoir devant l’école primaire.",
    governorate: "TN-11",
    address: "Rue Ibn Khaldoun, El Menzah 6",
    byCitizen: true,
    assigned: true,
    reply:
      "Bonjour, la tournée du secteur El Menzah a repris le 20 novembre après la réparation du camion-benne. Un passage supplémentaire est programmé chaque jeudi jusqu’à la fin du mois. Merci de votre signalement.",
    rating: 4,
  },
  {
    structure: "mun-tn-11",
    category: "roads-pavements",
    type: "notice",
    status: "new",
    daysAgo: 1,
    subject: "Large pothole on Avenue Mohamed V",
    description:
      "There is a deep pothole in the right lane of Avenue Mohamed V, just before the Belvédère roundabout. Two scooters fell there this week.",
    governorate: "TN-11",
    address: "Avenue Mohamed V, near the Belvédère roundabout",
  },
  {
    structure: "mun-tn-11",
    category: "building-permits",
    type: "guidance",
    status: "awaiting_citizen",
    daysAgo: 4,
    subject: "Pièces pour un permis de bâtir (extension d’un étage)",
    description:
      "Je souhaite ajouter un étage à ma maison à Bab Saadoun. Quelles pièces dois-je fournir et combien de temps dure l’instruction du dossier ?",
    governorate: "TN-11",
    byCitizen: true,
    assigned: true,
    question:
      "Votre maison est-elle située dans le périmètre de la médina classée ? Les pièces demandées ne sont pas les mêmes.",
  },
  {
    structure: "mun-tn-11",
    category: "waste-collection",
    type: "suggestion",
    status: "closed",
    daysAgo: 30,
    subject: "حاويات لفرز النفايات قرب السوق المركزية",
    description:
      "أقترح وضع حاويات مخصّصة للبلاستيك والورق قرب السوق المركزية، فالتجّار مستعدّون للفرز إن توفّرت الحاويات.",
    governorate: "TN-11",
    reply:
      "شكرًا على مقترحك. أدرجته البلدية في برنامج الفرز الانتقائي لسنة 2027، وسيُجرَّب أولًا في السوق المركزية.",
    rating: 5,
  },
  {
    structure: "min-health",
    category: "medicine-availability",
    type: "complaint",
    status: "in_progress",
    daysAgo: 9,
    subject: "دواء الأنسولين مفقود في صيدلية المستشفى الجهوي بالقيروان",
    description:
      "منذ بداية الشهر لا يتوفّر دواء الأنسولين في صيدلية المستشفى الجهوي بالقيروان، ويضطرّ المرضى إلى شرائه من الصيدليات الخاصة.",
    governorate: "TN-41",
    assigned: true,
  },
  {
    structure: "min-health",
    category: "hospital-reception",
    type: "suggestion",
    status: "new",
    daysAgo: 2,
    subject: "Rendez-vous par SMS aux consultations externes",
    description:
      "À l’hôpital Charles-Nicolle, il faut venir à 6 h pour obtenir un ticket. Un système de rendez-vous par SMS éviterait des heures d’attente aux malades.",
    governorate: "TN-11",
  },
  {
    structure: "min-interior",
    category: "passports",
    type: "guidance",
    status: "answered",
    daysAgo: 15,
    subject: "Renewing a passport from abroad",
    description:
      "I live in Lyon and my passport expires in March. Can I renew it at the consulate, and do I need an appointment?",
    byCitizen: true,
    reply:
      "Yes. Tunisians living abroad renew their passport at the consulate of their place of residence. Book an appointment with the Consulate General in Lyon and bring your national ID card and two photos.",
  },
  {
    structure: "min-interior",
    category: "national-id-card",
    type: "information",
    status: "in_progress",
    daysAgo: 8,
    subject: "عدد بطاقات التعريف الصادرة سنة 2025 بولاية صفاقس",
    description:
      "في إطار القانون الأساسي عدد 22 لسنة 2016 المتعلق بالحق في النفاذ إلى المعلومة، أطلب عدد بطاقات التعريف الوطنية الصادرة سنة 2025 بولاية صفاقس، موزّعة حسب المعتمديات.",
    governorate: "TN-61",
    byCitizen: true,
  },
  {
    structure: "mun-tn-11",
    type: "complaint",
    status: "new",
    daysAgo: 20,
    subject: "Blocked storm drain on Avenue de la Liberté",
    description:
      "The storm drain at the corner of Avenue de la Liberté and Rue d'Angleterre has been blocked since the last rain; the crossing floods every time it rains and pedestrians walk in the road.",
    governorate: "TN-11",
    address: "Avenue de la Liberté, Tunis",
    phone: { name: "Hela Trabelsi", number: "+21698765432" },
  },
  {
    structure: "bcrc",
    type: "notice",
    status: "new",
    daysAgo: 1,
    subject: "Route abîmée entre Testour et Slouguia",
    description:
      "La route régionale entre Testour et Slouguia est très dégradée sur trois kilomètres depuis les pluies d’octobre. Je ne sais pas qui s’en occupe.",
    governorate: "TN-31",
  },
];

/** Eleven realistic requests in ar, fr and en, at every stage of their life, some by the demo citizen. */
export async function seedDemoCases(db: Db): Promise<string[]> {
  const codes = [...new Set(DEMO_CASES.map((c) => c.structure))];
  const structureRows = await db.select().from(structures).where(inArray(structures.code, codes));
  const byCode = new Map(structureRows.map((s) => [s.code, s]));
  const [citizen] = await db.select().from(accounts).where(eq(accounts.email, "citizen@demo.sharek.tn"));
  const [agent] = await db.select().from(accounts).where(eq(accounts.email, "agent@demo.sharek.tn"));
  for (const demo of DEMO_CASES) {
    const structure = byCode.get(demo.structure);
    if (!structure) continue;
    const [category] = demo.category
      ? await db
          .select()
          .from(structureCategories)
          .where(
            and(
              eq(structureCategories.structureId, structure.id),
              eq(structureCategories.code, demo.category),
            ),
          )
      : [];
    const at = new Date(Date.now() - demo.daysAgo * 24 * 3600 * 1000);
    const later = (hours: number) => new Date(at.getTime() + hours * 3600 * 1000);
    const [next] = rowsOf<{ n: number }>(
      await db.execute(sql`select nextval('case_reference_seq')::int as n`),
    );
    const byCitizen = Boolean(demo.byCitizen && citizen);
    const answered = demo.reply !== undefined;
    const [row] = await db
      .insert(cases)
      .values({
        reference: `EC-${at.getUTCFullYear()}-${String(next!.n).padStart(6, "0")}`,
        submissionKeyHash: sha256(randomBytes(18).toString("base64url")),
        type: demo.type,
        status: demo.status,
        outcome: demo.status === "closed" ? "answered" : null,
        structureId: structure.id,
        categoryId: category?.id ?? null,
        needsTriage: demo.structure === "bcrc",
        subject: demo.subject,
        description: demo.description,
        governorateCode: demo.governorate ?? null,
        address: demo.address ?? null,
        submitterId: byCitizen ? citizen!.id : null,
        contactName: byCitizen ? citizen!.displayName : (demo.phone?.name ?? null),
        contactEmail: byCitizen ? citizen!.email : null,
        contactPhone: demo.phone?.number ?? null,
        anonymous: !byCitizen && !demo.phone,
        followTokenHash: sha256(randomBytes(32).toString("base64url")),
        assigneeId: demo.assigned && agent ? agent.id : null,
        clockStartedAt: at,
        dueAt: await computeDueAt(db, demo.type, structure.id, at),
        pausedAt: demo.question ? later(30) : null,
        firstResponseAt: answered || demo.question ? later(answered ? 52 : 30) : null,
        answeredAt: answered ? later(52) : null,
        closedAt: demo.status === "closed" ? later(60) : null,
        satisfaction: demo.rating ?? null,
        createdAt: at,
      })
      .returning({ id: cases.id });
    const events: Array<typeof caseEvents.$inferInsert> = [
      { caseId: row!.id, kind: "submitted", actorId: byCitizen ? citizen!.id : null, at },
    ];
    if (demo.assigned && agent)
      events.push({
        caseId: row!.id,
        kind: "assigned",
        actorId: agent.id,
        internal: true,
        at: later(3),
        details: { assigneeId: agent.id },
      });
    if (demo.question && agent)
      events.push({
        caseId: row!.id,
        kind: "info_requested",
        actorId: agent.id,
        body: demo.question,
        at: later(30),
      });
    if (demo.reply)
      events.push({
        caseId: row!.id,
        kind: "replied",
        actorId: agent?.id ?? null,
        body: demo.reply,
        at: later(52),
      });
    if (demo.status === "closed")
      events.push({
        caseId: row!.id,
        kind: "closed",
        actorId: agent?.id ?? null,
        at: later(60),
        details: { outcome: "answered" },
      });
    if (demo.rating)
      events.push({ caseId: row!.id, kind: "rated", at: later(70), details: { rating: demo.rating } });
    await db.insert(caseEvents).values(events);
  }
  return [
    `Demo requests: ${DEMO_CASES.length} (queue of the Municipality of Tunis: sign in as agent@demo.sharek.tn).`,
  ];
}
