import { and, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import { type Actor, ANONYMOUS } from "../../../core/authz/actor.js";
import { memberships } from "../../../core/authz/tables.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { consultationOutcomes, consultations } from "../../consultations/tables.js";
import { ideas } from "../../ideas/tables.js";
import { results } from "../tables.js";
import { resultsFromConsultation } from "./from-consultation.js";
import { postUpdate } from "./post-update.js";
import type { ResultValues } from "./result-fields.js";
import { insertResult } from "./save-result.js";
import { seedDemoPlan } from "./seed-demo-plan.js";

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const PUBLIC_URL = "http://localhost:3000";

/** The staff member who keeps a structure's results in the demo: one of its admins, else a platform admin. */
async function keeperOf(db: Db, structureId: string): Promise<Actor> {
  const [m] = await db
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(and(eq(memberships.structureId, structureId), eq(memberships.role, "structure_admin")))
    .limit(1);
  if (!m) return { ...ANONYMOUS, platformAdmin: true };
  return { ...ANONYMOUS, accountId: m.accountId, roles: [{ structureId, role: "structure_admin" }] };
}

const T = (ar: string, fr: string, en: string): LocalizedText => ({ ar, fr, en });

const update = (
  happenedOn: string,
  status: string,
  progress: string,
  body: LocalizedText,
  evidence = "",
  dropReason: LocalizedText = {},
) => ({
  happenedOn,
  status,
  progress,
  bodyAr: body.ar,
  bodyFr: body.fr,
  bodyEn: body.en,
  evidence,
  dropReasonAr: dropReason.ar,
  dropReasonFr: dropReason.fr,
  dropReasonEn: dropReason.en,
});

/** Progress written on the results of a consultation's decisions, by section order: some late. */
const SECTION_UPDATES = [
  [
    update(
      day(-40),
      "in_progress",
      "40",
      T(
        "تمت صياغة النص النهائي للفصل وإحالته على المجلس البلدي.",
        "Le texte final de l’article est rédigé et transmis au conseil municipal.",
        "The article’s final text is drafted and sent to the municipal council.",
      ),
      "Procès-verbal https://www.commune-tunis.gov.tn/",
    ),
    update(
      day(-6),
      "in_progress",
      "70",
      T(
        "صادق المجلس البلدي على الفصل في جلسته العادية.",
        "Le conseil municipal a adopté l’article en séance ordinaire.",
        "The municipal council adopted the article in its ordinary session.",
      ),
    ),
  ],
  [
    update(
      day(-20),
      "delayed",
      "20",
      T(
        "تأخر الإنجاز في انتظار رأي وزارة الداخلية.",
        "Retard : en attente de l’avis du ministère de l’Intérieur.",
        "Delayed: waiting for the Ministry of the Interior’s opinion.",
      ),
    ),
  ],
  [
    update(
      day(-3),
      "done",
      "100",
      T(
        "نُشر الفصل في الرائد الرسمي للجماعات المحلية.",
        "L’article est publié au Journal officiel des collectivités locales.",
        "The article is published in the Official Journal of local authorities.",
      ),
      "JORT https://www.iort.gov.tn/",
    ),
  ],
];

interface OwnDemo {
  code: string;
  structure: string;
  governorateCode: string | null;
  themeCode: string | null;
  title: LocalizedText;
  description: LocalizedText;
  startsOn: string;
  endsOn: string;
  budgetPlanned: string | null;
  budgetSpent: string | null;
  updates: ReturnType<typeof update>[];
}

const OWN_RESULTS: OwnDemo[] = [
  {
    code: "min-health-2026-rural-clinics",
    structure: "min-health",
    governorateCode: null,
    themeCode: "health",
    title: T(
      "تجهيز 40 مركز صحة أساسية في الأرياف",
      "Équiper 40 centres de santé de base en milieu rural",
      "Equip 40 primary health centres in rural areas",
    ),
    description: T(
      "اقتناء معدات التشخيص وربط المراكز بالإنترنت لمواعيد عن بعد.",
      "Achat de matériel de diagnostic et raccordement des centres à Internet pour la prise de rendez-vous à distance.",
      "Buying diagnostic equipment and connecting the centres to the Internet for remote appointments.",
    ),
    startsOn: day(-300),
    endsOn: day(-30),
    budgetPlanned: "2400000",
    budgetSpent: "1650000.500",
    updates: [
      update(
        day(-200),
        "in_progress",
        "35",
        T("تم تجهيز 14 مركزا.", "14 centres sont équipés.", "14 centres are equipped."),
      ),
      update(
        day(-45),
        "in_progress",
        "60",
        T(
          "تم تجهيز 24 مركزا؛ صفقة الربط بالإنترنت ما زالت جارية.",
          "24 centres équipés ; le marché de raccordement à Internet est toujours en cours.",
          "24 centres equipped; the Internet connection contract is still under way.",
        ),
      ),
    ],
  },
  {
    code: "min-education-2026-school-canteens",
    structure: "min-education",
    governorateCode: "TN-51",
    themeCode: "education",
    title: T(
      "تهيئة المطاعم المدرسية بولاية سوسة",
      "Rénovation des cantines scolaires du gouvernorat de Sousse",
      "Renovating school canteens in the governorate of Sousse",
    ),
    description: T(
      "تهيئة 12 مطعما مدرسيا قبل العودة المدرسية.",
      "Rénover 12 cantines scolaires avant la rentrée.",
      "Renovating 12 school canteens before the school year starts.",
    ),
    startsOn: day(-150),
    endsOn: day(60),
    budgetPlanned: "850000",
    budgetSpent: null,
    updates: [
      update(
        day(-90),
        "in_progress",
        "25",
        T(
          "انطلقت الأشغال في 3 مدارس.",
          "Les travaux ont commencé dans 3 écoles.",
          "Works started in 3 schools.",
        ),
      ),
    ],
  },
  {
    code: "min-education-2025-tablets",
    structure: "min-education",
    governorateCode: null,
    themeCode: "digital",
    title: T(
      "توزيع لوحات رقمية على تلاميذ الابتدائي",
      "Distribuer des tablettes aux élèves du primaire",
      "Handing out tablets to primary pupils",
    ),
    description: T(
      "برنامج تجريبي في 50 مدرسة.",
      "Programme pilote dans 50 écoles.",
      "A pilot programme in 50 schools.",
    ),
    startsOn: day(-400),
    endsOn: day(-100),
    budgetPlanned: "1200000",
    budgetSpent: "0",
    updates: [
      update(
        day(-250),
        "dropped",
        "0",
        T(
          "أُلغي البرنامج بعد التقييم الأولي.",
          "Le programme est abandonné après l’évaluation initiale.",
          "The programme is dropped after the first assessment.",
        ),
        "",
        T(
          "فضلت الوزارة تجهيز قاعات الإعلامية المشتركة.",
          "Le ministère a préféré équiper des salles informatiques partagées.",
          "The ministry chose to equip shared computer rooms instead.",
        ),
      ),
    ],
  },
];

/**
 * Demo results in ar, fr and en: those of the demo consultations' decisions (with progress, one
 * delayed, one done), those of the accepted ideas, and ministries' own commitments (one past its
 * end date, one dropped with its reason), and the national action plan's, each with a timeline.
 */
export async function seedDemoResults(db: Db): Promise<string[]> {
  const decided = await db
    .select({ id: consultations.id, structureId: consultations.structureId })
    .from(consultations)
    .where(isNotNull(consultations.outcomePublishedAt));
  for (const c of decided) {
    const actor = await keeperOf(db, c.structureId);
    // Every section with a decision other than dropped.
    const ids = (
      await db
        .select({ id: consultationOutcomes.sectionId })
        .from(consultationOutcomes)
        .where(
          and(eq(consultationOutcomes.consultationId, c.id), ne(consultationOutcomes.decision, "dropped")),
        )
    ).map((r) => r.id);
    const made = await resultsFromConsultation(db, c.id, ids, { actor });
    if (!made) continue;
    const children = await db
      .select({ id: results.id })
      .from(results)
      .where(eq(results.parentId, made.parentId))
      .orderBy(results.code);
    for (const [i, child] of children.entries())
      for (const u of SECTION_UPDATES[i % SECTION_UPDATES.length]!)
        await postUpdate(db, child.id, u, { actor, publicUrl: PUBLIC_URL });
    await db
      .update(results)
      .set({ endsOn: day(120) })
      .where(eq(results.id, made.parentId));
  }

  const accepted = await db
    .select({ id: ideas.id, title: ideas.title, structureId: ideas.structureId, status: ideas.status })
    .from(ideas)
    .where(
      and(inArray(ideas.status, ["accepted", "in_progress", "implemented"]), isNotNull(ideas.structureId)),
    );
  for (const [i, idea] of accepted.entries()) {
    const actor = await keeperOf(db, idea.structureId!);
    const done = idea.status === "implemented";
    const values: ResultValues = {
      code: `idea-${idea.id.replace(/-/g, "").slice(-10)}`,
      structureId: idea.structureId!,
      parentId: null,
      title: T(
        `تنفيذ فكرة: ${idea.title}`,
        `Réaliser l’idée : ${idea.title}`,
        `Carrying out the idea: ${idea.title}`,
      ),
      description: T(
        "التزام الهيكل بتنفيذ الفكرة التي قبلها.",
        "L’engagement de la structure à réaliser l’idée qu’elle a acceptée.",
        "The structure’s commitment to carry out the idea it accepted.",
      ),
      governorateCode: null,
      municipalityId: null,
      themeCode: null,
      startsOn: day(-60),
      endsOn: day(i % 2 === 0 ? -5 : 90),
      weight: 1,
      budgetPlanned: i % 2 === 0 ? "45000" : null,
      budgetSpent: null,
      status: "planned",
      progress: 0,
      dropReason: null,
    };
    const id = await insertResult(
      db,
      values,
      { origin: "idea", originId: idea.id, originSectionId: null },
      { actor },
    );
    await postUpdate(
      db,
      id,
      update(
        day(-15),
        done ? "done" : "in_progress",
        done ? "100" : "30",
        done
          ? T("أُنجزت الفكرة.", "L’idée est réalisée.", "The idea is carried out.")
          : T("انطلقت الدراسة الفنية.", "L’étude technique a commencé.", "The technical study has started."),
      ),
      { actor, publicUrl: PUBLIC_URL },
    );
  }

  const codes = new Map(
    (
      await db
        .select({ id: structures.id, code: structures.code })
        .from(structures)
        .where(isNull(structures.retiredAt))
    ).map((s) => [s.code, s.id]),
  );
  for (const demo of OWN_RESULTS) {
    const structureId = codes.get(demo.structure);
    if (!structureId) continue;
    const actor = await keeperOf(db, structureId);
    const id = await insertResult(
      db,
      {
        code: demo.code,
        structureId,
        parentId: null,
        title: demo.title,
        description: demo.description,
        governorateCode: demo.governorateCode,
        municipalityId: null,
        themeCode: demo.themeCode,
        startsOn: demo.startsOn,
        endsOn: demo.endsOn,
        weight: 1,
        budgetPlanned: demo.budgetPlanned,
        budgetSpent: demo.budgetSpent,
        status: "planned",
        progress: 0,
        dropReason: null,
      },
      { origin: "own", originId: null, originSectionId: null },
      { actor },
    );
    for (const u of demo.updates) await postUpdate(db, id, u, { actor, publicUrl: PUBLIC_URL });
  }
  await seedDemoPlan(db);
  return [];
}
