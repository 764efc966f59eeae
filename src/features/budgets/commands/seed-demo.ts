import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import type { FileStore } from "../../../core/files/store.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { newCode, receiptHash, voterKeyHash } from "../codes.js";
import {
  budgetBallotItems,
  budgetBallots,
  budgetDistricts,
  budgetEligibility,
  budgetProposals,
  budgets,
} from "../tables.js";
import { seedDemoProposalPhotos } from "./seed-demo-photos.js";

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY);
const T = (ar: string, fr: string, en: string): LocalizedText => ({ ar, fr, en });

type Status = "accepted" | "rejected" | "merged" | "submitted";
interface DemoProposal {
  district: "bab-bhar" | "menzah" | "medina" | null;
  cost: number;
  title: LocalizedText;
  description: LocalizedText;
  place: string;
  status: Status;
  reason?: LocalizedText;
  mergedInto?: number;
  supports: number;
}

const DISTRICTS = [
  {
    code: "bab-bhar",
    name: T("الدائرة البلدية باب بحر", "Arrondissement de Bab Bhar", "Bab Bhar district"),
    share: 500_000,
  },
  {
    code: "medina",
    name: T("الدائرة البلدية المدينة", "Arrondissement de la Médina", "Medina district"),
    share: 400_000,
  },
  {
    code: "menzah",
    name: T("الدائرة البلدية المنزه", "Arrondissement d’El Menzah", "El Menzah district"),
    share: 500_000,
  },
];

const PROPOSALS: DemoProposal[] = [
  {
    district: "bab-bhar",
    cost: 180_000,
    title: T(
      "تهيئة حديقة نهج مرسيليا",
      "Aménager le jardin de la rue de Marseille",
      "Lay out the Rue de Marseille garden",
    ),
    description: T(
      "غراسة أشجار، ومقاعد، وفضاء ألعاب للأطفال، وإنارة مقتصدة للطاقة في الأرض البيضاء المحاذية لنهج مرسيليا.",
      "Planter des arbres, installer des bancs, une aire de jeux pour enfants et un éclairage économe sur le terrain vague qui longe la rue de Marseille.",
      "Trees, benches, a children's playground and low-energy lighting on the vacant plot along Rue de Marseille.",
    ),
    place: "Rue de Marseille",
    status: "accepted",
    supports: 64,
  },
  {
    district: "bab-bhar",
    cost: 240_000,
    title: T(
      "أرصفة يسهل استعمالها لذوي الإعاقة حول سوق باب بحر",
      "Trottoirs accessibles autour du marché de Bab Bhar",
      "Accessible pavements around the Bab Bhar market",
    ),
    description: T(
      "إعادة تهيئة الأرصفة وإضافة منحدرات وعلامات أرضية للمكفوفين على 1,2 كلم حول السوق.",
      "Refaire les trottoirs, ajouter des rampes et des bandes podotactiles sur 1,2 km autour du marché.",
      "Rebuild the pavements with ramps and tactile paving over 1.2 km around the market.",
    ),
    place: "Marché central",
    status: "accepted",
    supports: 41,
  },
  {
    district: "bab-bhar",
    cost: 90_000,
    title: T("محطات دراجات مؤمنة", "Stationnements sécurisés pour vélos", "Secure bicycle parking"),
    description: T(
      "عشر محطات دراجات مغطاة ومؤمنة قرب المدارس ومحطات المترو.",
      "Dix stationnements couverts et sécurisés pour vélos près des écoles et des stations de métro.",
      "Ten covered, secure bicycle racks near schools and metro stations.",
    ),
    place: "Écoles et stations de métro",
    status: "accepted",
    supports: 22,
  },
  {
    district: "medina",
    cost: 260_000,
    title: T(
      "ترميم سقائف نهج جامع الزيتونة",
      "Restaurer les voûtes de la rue Jamaâ Ezzitouna",
      "Restore the vaults of Rue Jamaa Ezzitouna",
    ),
    description: T(
      "ترميم السقائف المتضرّرة وتجديد الإنارة التقليدية على طول النهج.",
      "Restaurer les voûtes abîmées et renouveler l’éclairage traditionnel sur toute la rue.",
      "Restore the damaged vaults and renew the traditional lighting along the street.",
    ),
    place: "Rue Jamaâ Ezzitouna",
    status: "accepted",
    supports: 57,
  },
  {
    district: "medina",
    cost: 120_000,
    title: T(
      "مكتبة حيّ في دار الجماعة",
      "Une bibliothèque de quartier à Dar Jmaâ",
      "A neighbourhood library at Dar Jmaa",
    ),
    description: T(
      "تجهيز قاعة مطالعة للأطفال والشباب مفتوحة في المساء وأيام السبت.",
      "Équiper une salle de lecture pour les enfants et les jeunes, ouverte le soir et le samedi.",
      "Fit out a reading room for children and young people, open in the evenings and on Saturdays.",
    ),
    place: "Dar Jmaâ",
    status: "accepted",
    supports: 35,
  },
  {
    district: "medina",
    cost: 700_000,
    title: T(
      "موقف سيارات تحت الأرض بباب سويقة",
      "Un parking souterrain à Bab Souika",
      "An underground car park at Bab Souika",
    ),
    description: T(
      "موقف سيارات من ثلاثة طوابق تحت ساحة باب سويقة.",
      "Un parking de trois niveaux sous la place de Bab Souika.",
      "A three-level car park under Bab Souika square.",
    ),
    place: "Place Bab Souika",
    status: "rejected",
    reason: T(
      "تتجاوز الكلفة المقدّرة بعد الدراسة الفنية مبلغ الدائرة (400 ألف دينار)، ويتطلّب المشروع دراسة أثرية لا يمكن إنجازها هذه السنة.",
      "Le coût estimé après examen technique dépasse le montant de l’arrondissement (400 000 DT), et le projet exige une étude archéologique impossible à mener cette année.",
      "The cost estimated at review exceeds the district's amount (400,000 TND), and the project needs an archaeological survey that cannot be done this year.",
    ),
    supports: 12,
  },
  {
    district: "menzah",
    cost: 310_000,
    title: T(
      "ملعب أحياء متعدّد الاختصاصات",
      "Un terrain de sport de proximité",
      "A multi-sport neighbourhood pitch",
    ),
    description: T(
      "ملعب معشّب اصطناعيًا لكرة القدم وكرة السلة، مفتوح للجميع، مع إنارة ليلية.",
      "Un terrain synthétique de football et de basket, ouvert à tous, éclairé le soir.",
      "An artificial-turf pitch for football and basketball, open to all, lit in the evening.",
    ),
    place: "El Menzah 6",
    status: "accepted",
    supports: 48,
  },
  {
    district: "menzah",
    cost: 150_000,
    title: T(
      "ممرّ آمن للمترجّلين نحو المعهد",
      "Un passage piéton sûr vers le lycée",
      "A safe pedestrian crossing to the secondary school",
    ),
    description: T(
      "ممرّ مرتفع وإشارات ضوئية ومخفّضات سرعة أمام المعهد الثانوي.",
      "Un passage surélevé, des feux et des ralentisseurs devant le lycée.",
      "A raised crossing, traffic lights and speed bumps in front of the secondary school.",
    ),
    place: "Avenue Othman Ibn Affane",
    status: "accepted",
    supports: 39,
  },
  {
    district: "menzah",
    cost: 140_000,
    title: T(
      "إشارات ضوئية أمام المعهد",
      "Des feux devant le lycée d’El Menzah",
      "Traffic lights in front of the El Menzah school",
    ),
    description: T(
      "تركيز إشارات ضوئية لحماية التلاميذ عند الخروج.",
      "Installer des feux pour protéger les élèves à la sortie.",
      "Install traffic lights to protect pupils as they leave school.",
    ),
    place: "Avenue Othman Ibn Affane",
    status: "merged",
    mergedInto: 7,
    reason: T(
      "أُدمج في المقترح P-008 الذي يشمل الإشارات الضوئية في نفس المكان.",
      "Fusionnée dans la proposition P-008, qui comprend les feux au même endroit.",
      "Merged into proposal P-008, which includes the traffic lights at the same place.",
    ),
    supports: 9,
  },
  {
    district: null,
    cost: 350_000,
    title: T(
      "حاويات فرز النفايات في كامل المدينة",
      "Des conteneurs de tri dans toute la ville",
      "Sorting bins across the city",
    ),
    description: T(
      "200 حاوية لفرز البلاستيك والورق والزجاج، وحملة تحسيسية في الأحياء.",
      "200 conteneurs pour trier le plastique, le papier et le verre, et une campagne de sensibilisation dans les quartiers.",
      "200 bins to sort plastic, paper and glass, and an awareness campaign in the neighbourhoods.",
    ),
    place: "",
    status: "accepted",
    supports: 71,
  },
  {
    district: null,
    cost: 280_000,
    title: T(
      "إنارة عمومية بتقنية LED في الأنهج الرئيسية",
      "Éclairage public LED dans les grandes rues",
      "LED street lighting on the main streets",
    ),
    description: T(
      "تعويض 900 مصباح قديم بمصابيح LED مقتصدة للطاقة.",
      "Remplacer 900 lampadaires anciens par des lampes LED économes.",
      "Replace 900 old street lamps with low-energy LED lamps.",
    ),
    place: "",
    status: "accepted",
    supports: 33,
  },
];

/** Demo ballots, as indexes in PROPOSALS: each keeps within every district's amount. */
const DEMO_BALLOTS = [
  [0, 1],
  [0, 3],
  [3, 4],
  [6, 9],
  [7, 9],
  [0, 10],
  [1, 6],
  [2, 7, 9],
  [3, 10],
  [9],
  [4, 6],
  [0, 2, 10],
];

/**
 * The demo's participatory budget: the Municipality of Tunis, 2 000 000 TND in three districts and
 * a city-wide pool, in the voting phase, with proposals in ar, fr and en (one not retained with its
 * reason, one merged), photos on two of them, and a few ballots already cast. Skipped when the
 * municipality is missing or the budget exists.
 */
export async function seedDemoBudgets(db: Db, files?: FileStore): Promise<string[]> {
  const [tunis] = await db.select().from(structures).where(eq(structures.code, "mun-tn-11"));
  if (!tunis) return [];
  const code = "mun-tn-11-2027";
  if ((await db.select({ id: budgets.id }).from(budgets).where(eq(budgets.code, code))).length) return [];
  const [author] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.email, "citizen@demo.sharek.tn"));
  const [budget] = await db
    .insert(budgets)
    .values({
      code,
      structureId: tunis.id,
      title: T(
        "الميزانية التشاركية لبلدية تونس 2027",
        "Budget participatif 2027 de la Municipalité de Tunis",
        "Municipality of Tunis participatory budget 2027",
      ),
      description: T(
        "تخصّص بلدية تونس مليوني دينار من ميزانية الاستثمار لسنة 2027 لمشاريع يقترحها المتساكنون ويصوّتون عليها: مبلغ لكل دائرة بلدية، ومبلغ للمشاريع التي تهمّ كامل المدينة.",
        "La Municipalité de Tunis consacre deux millions de dinars de son budget d’investissement 2027 à des projets proposés et votés par les habitants : un montant par arrondissement, et un montant pour les projets de toute la ville.",
        "The Municipality of Tunis gives two million dinars of its 2027 investment budget to projects that residents propose and vote on: an amount for each district, and an amount for city-wide projects.",
      ),
      amountMillimes: 2_000_000_000,
      rule: "knapsack",
      minSharePercent: 0,
      proposalsFrom: at(-60),
      reviewFrom: at(-30),
      votingFrom: at(-5),
      resultsFrom: at(16),
      implementationFrom: at(60),
      voterKeySalt: randomBytes(16).toString("hex"),
    })
    .returning();
  const districts = await db
    .insert(budgetDistricts)
    .values(
      DISTRICTS.map((d) => ({
        budgetId: budget!.id,
        code: d.code,
        name: d.name,
        shareMillimes: d.share * 1000,
      })),
    )
    .returning();
  const ids: string[] = [];
  for (const [i, p] of PROPOSALS.entries()) {
    const [row] = await db
      .insert(budgetProposals)
      .values({
        budgetId: budget!.id,
        code: `P-${String(i + 1).padStart(3, "0")}`,
        districtId: p.district ? districts.find((d) => d.code === p.district)!.id : null,
        title: p.title,
        description: p.description,
        place: p.place,
        costMillimes: p.cost * 1000,
        authorId: i % 3 === 0 ? (author?.id ?? null) : null,
        status: p.status,
        reason: p.reason ?? null,
        mergedIntoId: p.mergedInto !== undefined ? ids[p.mergedInto]! : null,
        reviewedAt: p.status === "submitted" ? null : at(-10),
        supportCount: p.supports,
      })
      .returning({ id: budgetProposals.id });
    ids.push(row!.id);
  }
  if (files) await seedDemoProposalPhotos(db, files, ids);
  // A few ballots cast at the counter with paper codes (nothing links them to their codes).
  for (const picks of DEMO_BALLOTS) {
    const paper = newCode();
    await db.insert(budgetEligibility).values({
      budgetId: budget!.id,
      voterKeyHash: voterKeyHash(budget!.voterKeySalt, "paper_code", paper),
      method: "paper_code",
      hasVoted: true,
    });
    const [ballot] = await db
      .insert(budgetBallots)
      .values({ budgetId: budget!.id, receiptHash: receiptHash(newCode()) })
      .returning({ id: budgetBallots.id });
    await db
      .insert(budgetBallotItems)
      .values(picks.map((i) => ({ ballotId: ballot!.id, proposalId: ids[i]! })));
  }
  return [];
}
