import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { sha256 } from "../../../core/auth/secrets.js";
import { accounts } from "../../../core/auth/tables.js";
import type { FileStore } from "../../../core/files/store.js";
import { type Db, rowsOf } from "../../../db/client.js";
import { structureCategories, structures } from "../../structures/tables.js";
import type { RefusalGround } from "../access-law.js";
import { headAppealDueAt } from "../appeals.js";
import { storeAttachments } from "../attachments.js";
import { computeDueAt } from "../deadline.js";
import type { CaseStatus } from "../lifecycle.js";
import type { CaseType } from "../rules.js";
import { type CaseChannel, caseAttachments, caseEvents, cases } from "../tables.js";
import { seedDemoRoutingRules } from "./seed-demo-routing.js";

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
  /** Filed under a demo routing rule (seed-demo-routing.ts), which assigned it when `assigned`. */
  routedBy?: string;
  question?: string;
  reply?: string;
  /** The lines of a PDF sent with the reply. */
  document?: string[];
  rating?: number;
  /** An access-to-information request refused on a ground of the law, then appealed to the head. */
  refused?: { ground: RefusalGround; reasons: string; appeal: string };
  /** Taken by the demo agent at the counter, by phone or by post, for this person. */
  onBehalf?: { channel: CaseChannel; name: string; phone?: string; address?: string };
}

/** A one-page PDF holding a few lines of plain ASCII text. */
function demoPdf(lines: string[]): Buffer {
  const text = lines
    .map((line, i) => `BT /F1 12 Tf 72 ${760 - i * 20} Td (${line.replace(/[\\()]/g, "\\$&")}) Tj ET`)
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const at = Buffer.byteLength(pdf);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
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
    routedBy: "lighting",
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
  // Two near-duplicates of the requests above, for the staff page's "similar open requests".
  {
    structure: "mun-tn-11",
    category: "public-lighting",
    type: "notice",
    status: "new",
    daysAgo: 2,
    subject: "نهج مرسيليا مظلم: الإنارة العمومية لا تشتغل",
    description:
      "أعمدة الإنارة العمومية في نهج مرسيليا مطفأة كل الليل منذ أكثر من أسبوع، والمارة يخافون المرور.",
    governorate: "TN-11",
    address: "نهج مرسيليا، تونس",
  },
  {
    structure: "mun-tn-11",
    category: "roads-pavements",
    type: "notice",
    status: "new",
    daysAgo: 0,
    subject: "Nid-de-poule profond avenue Mohamed V",
    description:
      "Un nid-de-poule profond sur l’avenue Mohamed V avant le rond-point du Belvédère fait tomber les scooters.",
    governorate: "TN-11",
    address: "Avenue Mohamed V, Belvédère",
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
      "Yes. Tunisians living abroad renew their passport at the consulate of their place of residence. Book an appointment with the Consulate General in Lyon and bring your national ID card and two photos. The attached list gives every document to bring.",
    document: [
      "Passport renewal at a consulate: documents to bring",
      "1. Your current passport (or a police report if it was lost).",
      "2. Your national ID card or a birth certificate (extrait de naissance).",
      "3. Two recent identity photos, 3.5 x 4.5 cm, white background.",
      "4. Proof of residence in the consulate's district.",
      "5. The fee stamp (timbre fiscal), sold at the consulate.",
      "Book the appointment on the consulate's site; allow three weeks.",
    ],
  },
  {
    structure: "mun-tn-11",
    category: "roads-pavements",
    type: "complaint",
    status: "in_progress",
    daysAgo: 3,
    subject: "تسرّب مياه أمام المدرسة الابتدائية بنهج القاهرة",
    description:
      "جاءت المواطنة إلى شبّاك البلدية وأفادت بأنّ المياه تتسرّب من قناة مكسورة أمام المدرسة الابتدائية بنهج القاهرة منذ أسبوع، وأنّ الرصيف صار زلقًا والتلاميذ يمشون على الطريق.",
    governorate: "TN-11",
    address: "نهج القاهرة، أمام المدرسة الابتدائية",
    assigned: true,
    onBehalf: {
      channel: "counter",
      name: "فاطمة بن عمّار",
      phone: "+21698765432",
      address: "15 نهج القاهرة، 1002 تونس",
    },
  },
  {
    structure: "mun-tn-11",
    type: "guidance",
    status: "new",
    daysAgo: 0,
    subject: "Horaires du bureau d’état civil de Bab Bhar",
    description:
      "Le citoyen a appelé pour savoir si le bureau d’état civil de Bab Bhar ouvre le samedi matin et s’il peut y retirer un extrait de naissance pour son père, âgé et malade.",
    governorate: "TN-11",
    onBehalf: { channel: "phone", name: "Mohamed Jaziri", phone: "+21622345678" },
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
    type: "information",
    status: "in_progress",
    daysAgo: 26,
    subject: "محاضر جلسات المجلس البلدي لسنة 2025",
    description:
      "أطلب نسخة من محاضر جلسات المجلس البلدي بتونس لسنة 2025، بما فيها قائمات الحضور وأسماء المتدخلين وعناوينهم.",
    governorate: "TN-11",
    byCitizen: true,
    refused: {
      ground: "personal_data",
      reasons:
        "تتضمن قائمات الحضور عناوين شخصية لمتدخلين من غير أعضاء المجلس، وهي معطيات شخصية محمية بالفصل 24. المحاضر نفسها منشورة على موقع البلدية.",
      appeal: "أطلب المحاضر مع حجب العناوين الشخصية فقط، كما يسمح به القانون، لا رفض المطلب كاملا.",
    },
  },
  {
    structure: "mun-tn-11",
    type: "information",
    status: "in_progress",
    daysAgo: 24,
    subject: "Contrat de concession du parking municipal de la place Barcelone",
    description:
      "Je demande une copie du contrat de concession du parking municipal de la place Barcelone, avec ses annexes financières et le cahier des charges.",
    governorate: "TN-11",
    refused: {
      ground: "intellectual_property",
      reasons:
        "Les annexes techniques sont des plans protégés du concessionnaire. Le contrat lui-même peut être consulté sur place au secrétariat général.",
      appeal:
        "Le cahier des charges et les annexes financières ne sont pas des œuvres protégées : je demande au moins ces documents.",
    },
  },
  {
    structure: "mun-tn-11",
    type: "information",
    status: "in_progress",
    daysAgo: 23,
    subject: "Water quality reports for the Lac 2 public fountains",
    description:
      "Under Organic Law 2016-22, I request the laboratory reports on the water of the public fountains in Lac 2 for the year 2025.",
    governorate: "TN-11",
    refused: {
      ground: "public_security",
      reasons:
        "The reports describe the network's intake points, whose disclosure would harm public security.",
      appeal:
        "I only need the quality results, not the location of the intake points; these can be left out of the copy.",
    },
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
    phone: { name: "Hela Trabelsi", number: "+21697321654" },
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

/**
 * Eighteen realistic requests in ar, fr and en, at every stage of their life: some by the demo
 * citizen (one answered with a document), two taken by the demo agent at the counter and by phone,
 * one left with a phone number only, access-to-information requests refused and under appeal.
 */
export async function seedDemoCases(db: Db, files: FileStore): Promise<string[]> {
  const codes = [...new Set(DEMO_CASES.map((c) => c.structure))];
  const structureRows = await db.select().from(structures).where(inArray(structures.code, codes));
  const byCode = new Map(structureRows.map((s) => [s.code, s]));
  const [citizen] = await db.select().from(accounts).where(eq(accounts.email, "citizen@demo.sharek.tn"));
  const [agent] = await db.select().from(accounts).where(eq(accounts.email, "agent@demo.sharek.tn"));
  const rules = await seedDemoRoutingRules(db);
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
        channel: demo.onBehalf?.channel ?? "web",
        submitterId: byCitizen ? citizen!.id : null,
        contactName: byCitizen ? citizen!.displayName : (demo.onBehalf?.name ?? demo.phone?.name ?? null),
        contactEmail: byCitizen ? citizen!.email : null,
        contactPhone: demo.onBehalf?.phone ?? demo.phone?.number ?? null,
        contactAddress: demo.onBehalf?.address ?? null,
        anonymous: !byCitizen && !demo.onBehalf && !demo.phone,
        followTokenHash: sha256(randomBytes(32).toString("base64url")),
        assigneeId: demo.assigned && agent ? agent.id : null,
        clockStartedAt: at,
        dueAt: demo.refused
          ? headAppealDueAt(later(24 * 21))
          : await computeDueAt(db, demo.type, structure.id, at),
        accessTrack: demo.type === "information" ? "standard" : null,
        refusalGround: demo.refused?.ground ?? null,
        appealLevel: demo.refused ? 1 : 0,
        appealStructureId: demo.refused ? structure.id : null,
        appealedAt: demo.refused ? later(24 * 21) : null,
        pausedAt: demo.question ? later(30) : null,
        firstResponseAt: answered || demo.question ? later(answered ? 52 : 30) : null,
        answeredAt: answered ? later(52) : null,
        closedAt: demo.status === "closed" ? later(60) : null,
        satisfaction: demo.rating ?? null,
        createdAt: at,
      })
      .returning({ id: cases.id });
    const events: Array<typeof caseEvents.$inferInsert> = [
      {
        caseId: row!.id,
        kind: "submitted",
        actorId: byCitizen ? citizen!.id : demo.onBehalf ? (agent?.id ?? null) : null,
        at,
        details: { channel: demo.onBehalf?.channel ?? "web" },
      },
    ];
    const rule = demo.routedBy ? rules.get(demo.routedBy) : undefined;
    if (rule)
      events.push({
        caseId: row!.id,
        kind: "routed",
        internal: true,
        at,
        details: { ruleId: rule.id, from: structure.id, to: structure.id, anyPlace: rule.anyPlace },
      });
    if (rule && demo.assigned && agent)
      events.push({
        caseId: row!.id,
        kind: "assigned",
        internal: true,
        at,
        details: { to: agent.id, auto: true, ruleId: rule.id, strategy: rule.assignment },
      });
    else if (demo.assigned && agent)
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
    if (demo.refused)
      events.push(
        {
          caseId: row!.id,
          kind: "closed",
          actorId: agent?.id ?? null,
          body: demo.refused.reasons,
          at: later(24 * 18),
          details: { outcome: "refused", ground: demo.refused.ground },
        },
        {
          caseId: row!.id,
          kind: "appealed",
          actorId: byCitizen ? citizen!.id : null,
          body: demo.refused.appeal,
          at: later(24 * 21),
          details: { appealLevel: 1 },
        },
      );
    if (demo.rating)
      events.push({ caseId: row!.id, kind: "rated", at: later(70), details: { rating: demo.rating } });
    const inserted = await db
      .insert(caseEvents)
      .values(events)
      .returning({ id: caseEvents.id, kind: caseEvents.kind });
    if (demo.document) {
      const [file] = await storeAttachments(files, [
        { data: demoPdf(demo.document), mime: "application/pdf" },
      ]);
      const replied = inserted.find((e) => e.kind === "replied");
      await db.insert(caseAttachments).values({
        caseId: row!.id,
        eventId: replied?.id ?? null,
        fileKey: file!.key,
        mime: file!.mime,
        size: file!.size,
      });
    }
  }
  return [
    `Demo requests: ${DEMO_CASES.length} (queue of the Municipality of Tunis: sign in as agent@demo.sharek.tn).`,
    `Demo routing rules: ${rules.size} (with automatic assignment; sign in as structure-admin@demo.sharek.tn).`,
  ];
}
