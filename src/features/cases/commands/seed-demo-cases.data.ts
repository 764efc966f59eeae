import type { RefusalGround } from "../access-law.js";
import type { CaseStatus } from "../lifecycle.js";
import type { CaseType } from "../rules.js";
import type { CaseChannel } from "../tables.js";

/** The demo requests that seed-demo-cases.ts files: data only. */

export interface DemoCase {
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

export const DEMO_CASES: DemoCase[] = [
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
